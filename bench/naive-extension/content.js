// The benchmark's reference for "the obvious way": on every mutation callback, read the whole page's
// text again and search it for ssh lines. It renders nothing: it only counts what it found, so all it
// costs is the scan. It is deliberately the simple design our content script must not be (npm run
// bench requires ours to spend at least 20x less main-thread time on the same stream).

// Anywhere in the text, not by line: in most of the fake page's markups (rows, columns, chunks) the
// lines are elements of their own, and their text runs together with no line break in between.
const SSH_LINE = /\$ ssh /g;
let found = -1;

function scan() {
  const count = (document.body.textContent ?? '').match(SSH_LINE)?.length ?? 0;
  // Written only when it changes, so the bench can see the script work without a DOM write per batch.
  if (count !== found) {
    found = count;
    document.documentElement.dataset.naiveSshLines = String(count);
  }
}

new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, characterData: true });
scan();
