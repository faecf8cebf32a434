import { fromScaled, toScaled, usdAmountFor } from './exchange';

describe('the USD amount of a contribution', () => {
  it('is amount × rate exactly', () => {
    expect(usdAmountFor('1000000.00', '0.00712500')).toBe('7125.00');
  });

  it('rounds half a cent up', () => {
    expect(usdAmountFor('1.00', '0.00500000')).toBe('0.01');
    expect(usdAmountFor('1.00', '0.00499999')).toBe('0.00');
  });

  it('keeps a USD amount at rate 1', () => {
    expect(usdAmountFor('1234.56', '1')).toBe('1234.56');
  });

  it('scales decimals to integers and back', () => {
    expect(toScaled('1250.5', 2)).toBe(125050n);
    expect(fromScaled(125050n, 2)).toBe('1250.50');
    expect(fromScaled(-5n, 2)).toBe('-0.05');
  });
});
