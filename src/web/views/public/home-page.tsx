import type { Messages } from '../../i18n/messages'

export function HomePage({ m, contactEmail }: { m: Messages; contactEmail: string }) {
  return (
    <>
      <section class="hero">
        <h1>{m.home.heading}</h1>
        <p class="lead">{m.home.lead}</p>
      </section>
      <section class="cards">
        {m.home.cards.map((card) => (
          <div class="card">
            <h2>{card.title}</h2>
            <p>{card.text}</p>
            <p>
              <a href={card.href}>{card.link}</a>
            </p>
          </div>
        ))}
      </section>
      <h2>{m.home.moreTitle}</h2>
      <ul>
        {m.home.more.map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
      </ul>
      <p>
        {m.home.contact} <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
      </p>
    </>
  )
}
