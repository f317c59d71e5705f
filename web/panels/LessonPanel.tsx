// The lesson beside the narration: what you will learn, and, once every caption has been reached,
// something to try. Shown instead of the legend while a lesson is open.
import { useStore } from "../state/store";

export function LessonPanel() {
  const lesson = useStore((s) => s.view?.lesson ?? null);
  const reached = useStore((s) => s.reachedCaptions.length);
  if (!lesson) return null;
  const done = reached >= lesson.captions.length;
  return (
    <section className="panel lesson" aria-labelledby="lesson-title" data-testid="lesson">
      <h2 id="lesson-title">You will learn</h2>
      <ul>
        {lesson.learn.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      {done && (
        <div className="try-this" data-testid="try-this">
          <h2>Try this</h2>
          <p>{lesson.tryThis}</p>
        </div>
      )}
    </section>
  );
}
