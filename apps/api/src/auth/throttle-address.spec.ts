import { throttleAddress } from './login-limiter.service';

describe('throttleAddress', () => {
  it('keys an IPv4 address by itself, however it is written', () => {
    expect(throttleAddress('198.18.0.1')).toBe('198.18.0.1');
    expect(throttleAddress('::ffff:198.18.0.1')).toBe('198.18.0.1');
    // Leading zeros are octal to ipaddr.js: the same host written otherwise must not get a new key.
    expect(throttleAddress('010.0.0.1')).toBe(throttleAddress('8.0.0.1'));
  });

  it('keys an IPv6 address by its /64', () => {
    expect(throttleAddress('2001:db8:1:2:3:4:5:6')).toBe('2001:db8:1:2::/64');
    expect(throttleAddress('2001:db8:1:2::ffff')).toBe('2001:db8:1:2::/64');
  });

  it('keeps what is not an address as given', () => {
    expect(throttleAddress(null)).toBeNull();
    expect(throttleAddress('')).toBeNull();
    expect(throttleAddress('unknown')).toBe('unknown');
  });
});
