import { SlowLane, type SlowLaneOptions } from './slow-lane';

const OPTIONS: SlowLaneOptions = {
  allowance: 5,
  windowMs: 10_000,
  stepMs: 100,
  maxDelayMs: 1_000,
  maxHeld: 2,
  maxAddresses: 3,
};

function laneAt(options: Partial<SlowLaneOptions> = {}) {
  const clock = { now: 0 };
  return { lane: new SlowLane({ ...OPTIONS, ...options }, () => clock.now), clock };
}

function refuse(lane: SlowLane, address: string, times: number) {
  for (let i = 0; i < times; i++) lane.refused(address);
}

describe('SlowLane', () => {
  it('holds no request of an address that has earned no more refusals than its allowance', () => {
    const { lane } = laneAt();
    refuse(lane, 'a', 5);
    expect(lane.delayFor('a')).toBe(0);
    expect(lane.delayFor('never seen')).toBe(0);
  });

  it('holds an address longer with each refusal past its allowance, up to the bound', () => {
    const { lane } = laneAt();
    refuse(lane, 'a', 6);
    expect(lane.delayFor('a')).toBe(100);
    refuse(lane, 'a', 3);
    expect(lane.delayFor('a')).toBe(400);
    refuse(lane, 'a', 100);
    expect(lane.delayFor('a')).toBe(1_000);
  });

  it('judges each address on its own refusals', () => {
    const { lane } = laneAt();
    refuse(lane, 'a', 20);
    expect(lane.delayFor('a')).toBeGreaterThan(0);
    expect(lane.delayFor('b')).toBe(0);
  });

  it('forgets refusals at the allowance per window, so an address that stops is served again', () => {
    const { lane, clock } = laneAt();
    refuse(lane, 'a', 8);
    expect(lane.delayFor('a')).toBe(300);
    clock.now = 2_000; // drains 1 refusal: 5 per 10 s
    expect(lane.delayFor('a')).toBe(200);
    clock.now = 6_000;
    expect(lane.delayFor('a')).toBe(0);
  });

  it('caps the score at the longest delay, so a long attack is not remembered for ever', () => {
    const { lane, clock } = laneAt();
    refuse(lane, 'a', 10_000);
    // Score capped at 5 + 1,000/100 = 15: back under the allowance after 10 drained, 20 s.
    clock.now = 20_000;
    expect(lane.delayFor('a')).toBe(0);
  });

  it('lets an address hold only its share of requests at once', () => {
    const { lane } = laneAt();
    expect(lane.hold('a')).toBe(true);
    expect(lane.hold('a')).toBe(true);
    expect(lane.hold('a')).toBe(false);
    expect(lane.hold('b')).toBe(true);
    lane.release('a');
    expect(lane.hold('a')).toBe(true);
  });

  it('forgets the address seen least recently when it remembers too many', () => {
    const { lane } = laneAt();
    refuse(lane, 'a', 20);
    refuse(lane, 'b', 20);
    refuse(lane, 'c', 20);
    expect(lane.delayFor('a')).toBeGreaterThan(0); // a is now the most recent
    refuse(lane, 'd', 20); // forgets b
    expect(lane.delayFor('b')).toBe(0);
    expect(lane.delayFor('a')).toBeGreaterThan(0);
    expect(lane.delayFor('c')).toBeGreaterThan(0);
  });

  it('is off when its longest delay is 0', () => {
    expect(laneAt({ maxDelayMs: 0 }).lane.enabled).toBe(false);
    expect(laneAt().lane.enabled).toBe(true);
  });
});
