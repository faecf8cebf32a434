import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
const queryFailed = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED')],
    ['refused connections to every address of the host', new AggregateError([withCode('ECONNREFUSED')])],
    ['a server shutting down (57P01)', queryFailed(withCode('57P01', 'terminating connection'))],
    ['a server starting up (57P03)', withCode('57P03')],
    ['a connection exception (08006)', queryFailed(withCode('08006'))],
    ['a statement timeout (57014)', queryFailed(withCode('57014'))],
    ['no connection from the pool in time', new Error('timeout exceeded when trying to connect')],
    ['no answer in time', queryFailed(new Error('Query read timeout'))],
    ['a connection lost mid-query', new Error('Connection terminated unexpectedly')],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', queryFailed(withCode('23505'))],
    ['a check violation', queryFailed(withCode('23514'))],
    ['a permission error', queryFailed(withCode('42501'))],
    ['an error of the code', new TypeError('x is undefined')],
    ['a thrown string', 'ECONNREFUSED'],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
