import { countryNameIn, projectPlaceIn, translatedText } from './project-heading';

const texts = { noCountries: 'No recipient country yet', ledBy: (name: string) => `Led by ${name}` };
const sahel = {
  recipientCountries: [
    { iso2: 'BF', name: 'Burkina Faso' },
    { iso2: 'CI', name: "Côte d'Ivoire" },
  ],
  organizations: [
    { lead: false, acronym: 'ILO', name: 'International Labour Organization' },
    { lead: true, acronym: 'UNDP', name: 'United Nations Development Programme' },
  ],
};

describe("a project's heading", () => {
  it('takes the translation in the reader language only when someone wrote one', () => {
    expect(translatedText('Water', { fr: 'Eau' }, 'fr')).toBe('Eau');
    expect(translatedText('Water', { fr: 'Eau' }, 'fr-CH')).toBe('Eau');
    expect(translatedText('Water', { fr: '  ' }, 'fr')).toBe('Water');
    expect(translatedText('Water', null, 'es')).toBe('Water');
  });

  it("names countries by the UN's English names in English and by CLDR's in the other languages", () => {
    expect(countryNameIn('en', { iso2: 'CI', name: "Côte d'Ivoire" })).toBe("Côte d'Ivoire");
    expect(countryNameIn('fr', { iso2: 'BF', name: 'Burkina Faso' })).toBe('Burkina Faso');
    expect(countryNameIn('ru', { iso2: 'ML', name: 'Mali' })).toBe('Мали');
    expect(countryNameIn('es', { iso2: 'JP', name: 'Japan' })).toBe('Japón');
    expect(countryNameIn('fr', { iso2: null, name: 'Kosovo' })).toBe('Kosovo');
    expect(countryNameIn('fr', { iso2: 'AA', name: 'Nowhere' })).toBe('Nowhere');
  });

  it('says where the project works and who leads it, in the language joined its way', () => {
    expect(projectPlaceIn('en', sahel, texts)).toBe("Burkina Faso and Côte d'Ivoire · Led by UNDP");
    expect(projectPlaceIn('fr', sahel, { ...texts, ledBy: (name) => `Dirigé par ${name}` })).toBe(
      'Burkina Faso et Côte d’Ivoire · Dirigé par UNDP',
    );
  });

  it('falls back to the lead organization name and to the phrase for no country', () => {
    const led = { lead: true, acronym: null, name: 'Local partner' };
    expect(projectPlaceIn('en', { recipientCountries: [], organizations: [led] }, texts)).toBe(
      'No recipient country yet · Led by Local partner',
    );
    expect(projectPlaceIn('en', { recipientCountries: [], organizations: [] }, texts)).toBe(
      'No recipient country yet',
    );
  });
});
