// A key to the picture, so a newcomer can read the scene without a lecture.
export function Legend() {
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">Reading the picture</h2>
      <ul>
        <li>
          <span className="swatch swatch-record" /> a record at its offset, colored by key (gray: no key)
        </li>
        <li>
          <span className="swatch swatch-leo" /> the log end offset (LEO): where the next record will be
          written
        </li>
        <li>
          <span className="swatch swatch-hw" /> the high watermark (HW): consumers read below it
        </li>
        <li>
          <span className="swatch swatch-position" /> a consumer's position: the next offset its poll()
          returns
        </li>
        <li>
          <span className="swatch swatch-produce" /> Produce, <span className="swatch swatch-fetch" /> Fetch
          requests in flight (dots when more than 40 are on the wire; click one for its details)
        </li>
      </ul>
      <p className="legend-note">
        Simplified here: replicas are placed but not replicated, so the HW equals the LEO.
      </p>
    </section>
  );
}
