import { isPlainText } from './plain-text';

describe('isPlainText', () => {
  it('reads UTF-8 text in any script, with tabs and line ends, as text', () => {
    expect(isPlainText(Buffer.from('\uFEFFNote verbale\r\n\tالموافقة 同意 согласие\n', 'utf8'))).toBe(true);
  });

  it('reads control characters and invalid UTF-8 as binary', () => {
    expect(isPlainText(Uint8Array.from([0x41, 0x00, 0x42]))).toBe(false);
    expect(isPlainText(Uint8Array.from([0x41, 0x7f]))).toBe(false);
    expect(isPlainText(Uint8Array.from([0xc3, 0x28]))).toBe(false);
  });
});
