/** A 1–5 rating as stars, read as "4 out of 5". */
export function Stars({ score }: { score: number }) {
  return (
    <span className="stars" role="img" aria-label={`${score} out of 5`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= score ? 'star star-on' : 'star'} aria-hidden="true">
          ★
        </span>
      ))}
    </span>
  );
}
