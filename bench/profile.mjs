// `node bench/run.mjs --profile`: a sampling CPU profile of each stream, summed by script and, for our
// extension's functions, with everything they call. For finding where script time goes, not a figure.

/** `--profile`: where the stream's script time went, by script and by function (a sampling profile). */
export function printProfile(variant, markup, profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node);
  const selfMs = new Map();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    selfMs.set(node, (selfMs.get(node) ?? 0) + profile.timeDeltas[index] / 1000);
  });
  const byScript = new Map();
  const inclusive = new Map(); // functions of extension scripts, with everything they call
  const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms);
  for (const [node, ms] of selfMs) {
    const { url, functionName } = node.callFrame;
    add(byScript, url.replace(/^chrome-extension:\/\/[a-p]+/, 'chrome-extension://…') || `(${functionName})`, ms);
    const seen = new Set();
    for (let at = node; at; at = parent.get(at.id)) {
      if (!at.callFrame.url.startsWith('chrome-extension://')) continue;
      const name = `${at.callFrame.functionName || '(anonymous)'} :${at.callFrame.lineNumber + 1}`;
      if (!seen.has(name)) add(inclusive, name, ms);
      seen.add(name);
    }
  }
  const top = (map, count) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(9)} ms  ${name}`)
      .join('\n');
  console.log(`profile, ${markup}, ${variant.label}: self time by script\n${top(byScript, 12)}`);
  console.log(`extension functions, with what they call\n${top(inclusive, 25)}`);
}
