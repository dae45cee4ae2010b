/** Prints the receiver's view (over its own REST API, as a user would see it) every few seconds. */
interface RestTag { path: string; value: unknown; unit?: string | null; quality: string; status: string }

export function formatTags(tags: RestTag[]): string {
  const rows = tags.map((t) => [t.path, t.value === null ? "null" : String(t.value), t.unit ?? "", t.quality, t.status]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 4));
  return rows.map((r) => r.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c)).join("  ")).join("\n");
}

export function watchTags(restBase: string, everyMs: number, write: (s: string) => void): () => void {
  let stopped = false;
  const tick = async () => {
    try {
      const res = await fetch(`${restBase}/api/v1/tags`);
      const body = (await res.json()) as { tags: RestTag[] };
      if (!stopped) write(`\n${new Date().toISOString()}  ${body.tags.length} tags at ${restBase}/api/v1/tags\n${formatTags(body.tags)}\n`);
    } catch {
      /* the receiver may still be starting */
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => { stopped = true; clearInterval(timer); };
}
