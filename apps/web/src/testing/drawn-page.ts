/**
 * A page as the API sends it drawn: `html`, the build's screen, in #root, where React's screen will
 * take over (lib/before-scripts.ts). Removed after each test (testing/setup.ts).
 */
export function aDrawnPage(html: string): HTMLElement {
  const root = document.createElement('div');
  root.id = 'root';
  root.innerHTML = html;
  document.body.append(root);
  return root;
}
