import { getMetadataStorage, IsInt, IsString, registerDecorator, validate } from 'class-validator';
import { keepValidationRuleLookups } from './rule-lookup-cache';

/** The global rule storage, wrapped as the app wraps it; each test declares its own classes. */
describe('the kept lookups of validation rules', () => {
  beforeAll(() => keepValidationRuleLookups());

  it('answers a second lookup of the same class and options from what it kept', () => {
    class Request {
      @IsString() name!: string;
    }
    const storage = getMetadataStorage();
    const lookUp = (always: boolean) => storage.getTargetValidationMetadatas(Request, '', always, false);
    expect(lookUp(false)).toHaveLength(1);
    expect(lookUp(false)).toBe(lookUp(false));
    expect(lookUp(true)).not.toBe(lookUp(false));
  });

  it('forgets what it kept when a rule is registered, so a rule added later applies', async () => {
    class Base {
      @IsString() name!: string;
    }
    class Request extends Base {}
    const request = Object.assign(new Request(), { name: 'x', count: 'many' });
    // Not a rule yet: `count` is not checked (validate() is called here without a whitelist).
    await expect(validate(request)).resolves.toEqual([]);
    IsInt()(Request.prototype, 'count');
    const errors = await validate(request);
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([['count', ['isInt']]]);
  });

  it('finds the rules registered on a class after it was first looked up, with its inherited ones', async () => {
    class Base {
      @IsString() name!: string;
    }
    class Later extends Base {}
    // Looked up, and kept, before its own rule exists.
    await expect(validate(Object.assign(new Later(), { name: 'x', title: '' }))).resolves.toEqual([]);
    registerDecorator({
      name: 'nonEmpty',
      target: Later,
      propertyName: 'title',
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length > 0 },
    });
    const errors = await validate(Object.assign(new Later(), { name: 3, title: '' }));
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([
      ['title', ['nonEmpty']],
      ['name', ['isString']],
    ]);
  });
});
