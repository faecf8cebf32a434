import { getMetadataStorage } from 'class-validator';

type RuleStorage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<RuleStorage['getTargetValidationMetadatas']>;

const installed = new WeakSet<RuleStorage>();

/**
 * class-validator finds a class's rules, inherited ones included, by testing every decorated class
 * of the app on each validate() (typestack/class-validator#2686): with this API's request classes
 * that scan was the largest function of a list request after the socket write. A class's rules are
 * fixed once it is loaded, so each answer is kept per class and options, and all are forgotten
 * whenever any class registers a rule (a class loaded later, a rule added at run time).
 */
export function keepValidationRuleLookups(storage: RuleStorage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  let kept = new WeakMap<object, Map<string, Rules>>();
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    kept = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (typeof target !== 'function') return lookUp(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups ? JSON.stringify(groups) : ''}`;
    let byOptions = kept.get(target);
    if (!byOptions) kept.set(target, (byOptions = new Map<string, Rules>()));
    let rules = byOptions.get(key);
    if (!rules) byOptions.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
}
