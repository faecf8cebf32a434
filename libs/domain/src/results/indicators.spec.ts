import { beneficiaryProblems, breakdownProblems } from './indicators';

describe('the breakdown of an actual value', () => {
  const bySexAndAge = { bySex: true, ageGroups: ['0-17', '18+'] };

  it('takes cells that name a sex and one of the age groups, each once', () => {
    expect(
      breakdownProblems(bySexAndAge, [
        { sex: 'female', ageGroup: '0-17', value: 10 },
        { sex: 'male', ageGroup: '18+', value: 4 },
      ]),
    ).toEqual([]);
  });

  it('names every cell that does not fit', () => {
    expect(
      breakdownProblems(bySexAndAge, [
        { ageGroup: '0-17', value: 1 },
        { sex: 'female', ageGroup: '60+', value: 1 },
        { sex: 'male', value: 1 },
        { sex: 'male', value: 2 },
      ]).map((p) => [p.code, p.facts.index]),
    ).toEqual([
      ['breakdown_sex_missing', 0],
      ['breakdown_age_group_unknown', 1],
      ['breakdown_age_group_missing', 2],
      ['breakdown_age_group_missing', 3],
      ['breakdown_cell_repeated', 3],
    ]);
  });

  it('refuses a sex on an indicator broken down by age only, and any cell without a breakdown', () => {
    expect(
      breakdownProblems({ bySex: false, ageGroups: ['0-17'] }, [{ sex: 'male', ageGroup: '0-17', value: 1 }]),
    ).toEqual([{ code: 'breakdown_sex_not_defined', facts: { index: 0 } }]);
    expect(breakdownProblems({ bySex: false, ageGroups: [] }, [{ value: 1 }])[0]!.code).toBe(
      'breakdown_not_defined',
    );
    expect(breakdownProblems({ bySex: false, ageGroups: [] }, [])).toEqual([]);
  });
});

describe('people reached per vulnerable group', () => {
  it('lets groups overlap but none exceed the people reached', () => {
    expect(
      beneficiaryProblems(100, [
        { group: 'women_and_girls', reached: 60 },
        { group: 'youth', reached: 100 },
      ]),
    ).toEqual([]);
    expect(beneficiaryProblems(100, [{ group: 'refugees', reached: 101 }])).toEqual([
      {
        code: 'group_reached_exceeds_people_reached',
        facts: { group: 'refugees', reached: 101, peopleReached: 100 },
      },
    ]);
  });
});
