export function ErrorPage({ title, message }: { title: string; message: string }) {
  return (
    <section class="narrow">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </section>
  )
}
