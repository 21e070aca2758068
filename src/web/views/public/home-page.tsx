export function HomePage({ contactEmail }: { contactEmail: string }) {
  return (
    <>
      <section class="hero">
        <h1>How does your school serve the health of its community?</h1>
        <p class="lead">
          Social Mission Metrics is a confidential self-assessment for medical, dental, nursing and physician assistant
          schools. It looks at a school’s mission, programs, graduates, faculty and leadership, and how together they
          advance health equity.
        </p>
      </section>
      <section class="cards">
        <div class="card">
          <h2>Assess</h2>
          <p>Your dean’s office and colleagues answer one shared questionnaire, each the sections they know best.</p>
        </div>
        <div class="card">
          <h2>Compare</h2>
          <p>A confidential report places your school against all schools, your discipline and similar schools.</p>
        </div>
        <div class="card">
          <h2>Show commitment</h2>
          <p>Schools that complete the assessment may display a badge. It shows commitment, never a score.</p>
        </div>
      </section>
      <p>
        Questions about the program? Write to <a href={`mailto:${contactEmail}`}>{contactEmail}</a>.
      </p>
    </>
  )
}
