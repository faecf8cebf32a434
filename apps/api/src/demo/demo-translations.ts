import type { Client } from 'pg';

type Language = 'ar' | 'es' | 'fr' | 'ru' | 'zh';

interface ThemeTranslation {
  /** The demo's English title, `{place}` standing for the place's name. */
  en: string;
  /** The title in each language; `{place}` is the countries' names in that language. */
  titles: Record<Language, string>;
  /** The theme's summary, in the languages someone wrote it in. */
  summaries: Partial<Record<Language, string>>;
}

// French, Spanish and Russian name the place after a dash: their prepositions and cases change with
// each country's name ("au Kenya", "en Éthiopie"; "в Кении"), which a template cannot follow.
const THEMES: ThemeTranslation[] = [
  {
    en: 'Community-based early warning and drought resilience in {place}',
    titles: {
      ar: 'الإنذار المبكر المجتمعي والقدرة على الصمود في وجه الجفاف في {place}',
      es: 'Alerta temprana comunitaria y resiliencia ante la sequía — {place}',
      fr: 'Alerte précoce communautaire et résilience face à la sécheresse — {place}',
      ru: 'Общинное раннее оповещение и устойчивость к засухе — {place}',
      zh: '{place}社区预警与抗旱能力建设',
    },
    summaries: {
      fr: 'Les communautés pastorales et agricoles créent des comités d’alerte précoce et des moyens de subsistance résistants à la sécheresse.',
      ru: 'Скотоводческие и земледельческие общины создают комитеты раннего оповещения и устойчивые к засухе источники средств к существованию.',
      zh: '牧民和农业社区建立预警委员会，发展抗旱生计。',
    },
  },
  {
    en: 'Protecting and empowering internally displaced persons in {place}',
    titles: {
      ar: 'حماية المشردين داخليا وتمكينهم في {place}',
      es: 'Protección y empoderamiento de los desplazados internos — {place}',
      fr: 'Protection et autonomisation des personnes déplacées à l’intérieur de leur propre pays — {place}',
      ru: 'Защита и расширение возможностей внутренне перемещенных лиц — {place}',
      zh: '{place}境内流离失所者的保护与赋权',
    },
    summaries: {
      ru: 'Перемещенные семьи восстанавливают документы, источники средств к существованию и безопасность в принимающих общинах и общинах возвращения.',
      zh: '流离失所家庭在收容社区和返回社区重新获得证件、生计和安全。',
    },
  },
  {
    en: 'Preventing violence and building social cohesion among youth in {place}',
    titles: {
      ar: 'منع العنف وبناء التماسك الاجتماعي بين الشباب في {place}',
      es: 'Prevención de la violencia y cohesión social entre los jóvenes — {place}',
      fr: 'Prévention de la violence et cohésion sociale chez les jeunes — {place}',
      ru: 'Предотвращение насилия и укрепление социальной сплоченности молодежи — {place}',
      zh: '{place}青年暴力预防与社会凝聚力建设',
    },
    summaries: {
      ru: 'Молодежь ведет диалог, посредничество и инициативы по созданию источников дохода, снижающие межобщинное насилие.',
      zh: '青年主导对话、调解和生计倡议，减少社群间暴力。',
    },
  },
  {
    en: 'Maternal and child health security in remote districts of {place}',
    titles: {
      ar: 'الأمن الصحي للأمهات والأطفال في المناطق النائية من {place}',
      es: 'Seguridad sanitaria materna e infantil en distritos remotos — {place}',
      fr: 'Sécurité sanitaire maternelle et infantile dans les districts isolés — {place}',
      ru: 'Охрана здоровья матерей и детей в отдаленных районах — {place}',
      zh: '{place}偏远地区母婴健康安全',
    },
    summaries: {
      ru: 'Общинные медработники и местные клиники помогают матерям и детям, отрезанным от услуг.',
      zh: '社区卫生工作者和当地诊所为无法获得服务的母亲和儿童提供服务。',
    },
  },
  {
    en: 'Climate adaptation and food security for coastal communities of {place}',
    titles: {
      ar: 'التكيف مع تغير المناخ والأمن الغذائي للمجتمعات الساحلية في {place}',
      es: 'Adaptación al clima y seguridad alimentaria de las comunidades costeras — {place}',
      fr: 'Adaptation climatique et sécurité alimentaire des communautés côtières — {place}',
      ru: 'Адаптация к изменению климата и продовольственная безопасность прибрежных общин — {place}',
      zh: '{place}沿海社区气候适应与粮食安全',
    },
    summaries: {
      ru: 'Островные и прибрежные общины защищают воду, посевы и жилье от повышения уровня моря и штормов.',
      zh: '岛屿和沿海社区保护水源、作物和住房免受海平面上升和风暴影响。',
    },
  },
  {
    en: 'Ending gender-based violence through community protection networks in {place}',
    titles: {
      ar: 'إنهاء العنف القائم على النوع الاجتماعي عبر شبكات الحماية المجتمعية في {place}',
      es: 'Fin de la violencia de género mediante redes comunitarias de protección — {place}',
      fr: 'Mettre fin à la violence fondée sur le genre grâce aux réseaux communautaires de protection — {place}',
      ru: 'Искоренение гендерного насилия с помощью общинных сетей защиты — {place}',
      zh: '{place}通过社区保护网络消除性别暴力',
    },
    summaries: {
      ru: 'Пострадавшие получают услуги и доступ к правосудию, а общины и учреждения предотвращают насилие.',
      zh: '幸存者获得服务和司法救助，社区和机构共同预防暴力。',
    },
  },
  {
    en: 'Decent work and social protection for migrant workers from {place}',
    titles: {
      ar: 'العمل اللائق والحماية الاجتماعية للعمال المهاجرين من {place}',
      es: 'Trabajo decente y protección social para los trabajadores migrantes — {place}',
      fr: 'Travail décent et protection sociale des travailleurs migrants — {place}',
      ru: 'Достойный труд и социальная защита трудящихся-мигрантов — {place}',
      zh: '{place}移徙工人的体面劳动与社会保护',
    },
    summaries: {
      ru: 'Мигранты и их семьи защищены от эксплуатации и получают поддержку при возвращении.',
      zh: '移民及其家人免受剥削，并在返乡时获得支持。',
    },
  },
  {
    en: 'Urban safety and livelihoods in informal settlements of {place}',
    titles: {
      ar: 'السلامة الحضرية وسبل العيش في المستوطنات غير الرسمية في {place}',
      es: 'Seguridad urbana y medios de vida en los asentamientos informales — {place}',
      fr: 'Sécurité urbaine et moyens de subsistance dans les quartiers informels — {place}',
      ru: 'Городская безопасность и источники средств к существованию в неформальных поселениях — {place}',
      zh: '{place}非正规住区的城市安全与生计',
    },
    summaries: {
      ru: 'Жители неформальных поселений получают гарантии владения жильем, услуги и более безопасные кварталы.',
      zh: '非正规住区居民获得有保障的居住权、公共服务和更安全的社区。',
    },
  },
  {
    en: 'Post-conflict recovery and reintegration in {place}',
    titles: {
      ar: 'التعافي وإعادة الإدماج بعد النزاع في {place}',
      es: 'Recuperación y reintegración después del conflicto — {place}',
      fr: 'Relèvement et réintégration après le conflit — {place}',
      ru: 'Постконфликтное восстановление и реинтеграция — {place}',
      zh: '{place}冲突后恢复与重新融入',
    },
    summaries: {
      ru: 'Бывшие комбатанты, возвращенцы и принимающие общины вместе восстанавливают источники дохода и доверие.',
      zh: '前战斗人员、返回者和收容社区共同重建生计与信任。',
    },
  },
  {
    en: 'Combating trafficking in persons and protecting survivors in {place}',
    titles: {
      ar: 'مكافحة الاتجار بالأشخاص وحماية الناجين في {place}',
      es: 'Lucha contra la trata de personas y protección de los supervivientes — {place}',
      fr: 'Lutte contre la traite des personnes et protection des survivants — {place}',
      ru: 'Борьба с торговлей людьми и защита пострадавших — {place}',
      zh: '{place}打击人口贩运与保护幸存者',
    },
    summaries: {
      ru: 'Правоохранительные органы, социальные службы и общины выявляют, защищают и реинтегрируют пострадавших.',
      zh: '执法部门、社会服务机构和社区共同识别、保护幸存者并帮助其重新融入社会。',
    },
  },
  {
    en: 'Disaster risk reduction and recovery for earthquake-affected communities of {place}',
    titles: {
      ar: 'الحد من مخاطر الكوارث والتعافي للمجتمعات المتضررة من الزلازل في {place}',
      es: 'Reducción del riesgo de desastres y recuperación de las comunidades afectadas por el terremoto — {place}',
      fr: 'Réduction des risques de catastrophe et relèvement des communautés touchées par le séisme — {place}',
      ru: 'Снижение риска бедствий и восстановление пострадавших от землетрясения общин — {place}',
      zh: '{place}地震灾区社区减灾与恢复',
    },
    summaries: {
      ru: 'Общины строят более безопасные дома и школы и готовятся к следующему бедствию.',
      zh: '社区重建更安全的住房和学校，为下一次灾害做好准备。',
    },
  },
  {
    en: 'Indigenous peoples’ land, food and cultural security in {place}',
    titles: {
      ar: 'أمن الشعوب الأصلية في الأرض والغذاء والثقافة في {place}',
      es: 'Seguridad territorial, alimentaria y cultural de los pueblos indígenas — {place}',
      fr: 'Sécurité foncière, alimentaire et culturelle des peuples autochtones — {place}',
      ru: 'Земельная, продовольственная и культурная безопасность коренных народов — {place}',
      zh: '{place}土著人民的土地、粮食与文化安全',
    },
    summaries: {
      ru: 'Общины коренных народов закрепляют права на землю, традиционные продовольственные системы и голос в местном управлении.',
      zh: '土著社区保障土地、传统粮食体系以及在地方治理中的发言权。',
    },
  },
];

const LANGUAGES: Language[] = ['ar', 'es', 'fr', 'ru', 'zh'];

/** The countries' names in a language (CLDR, as the dashboard names them), joined as a list. */
function placeIn(language: Language, iso2s: string[]): string {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(iso2s.map((c) => names.of(c) ?? c));
}

/**
 * Titles and summaries of the demo's projects in the other UN languages, written as staff would
 * through the API: each project's change bumps its version and leaves one audit entry. Only
 * projects still titled as the demo wrote them are translated.
 */
export async function writeDemoTranslations(client: Client, requestId: string): Promise<void> {
  const { rows: staff } = await client.query<{ id: string; email: string }>(
    `SELECT id, email FROM users WHERE role = 'staff' ORDER BY created_at, email LIMIT 1`,
  );
  const actor = staff[0] ?? { id: null, email: null };
  const { rows: projects } = await client.query<{
    id: string;
    title: string;
    version: number;
    countries: string[];
  }>(
    `SELECT p.id, p.title, p.version,
            ARRAY(SELECT c.iso2::text FROM project_countries pc JOIN countries c ON c.iso3 = pc.country_iso3
                  WHERE pc.project_id = p.id ORDER BY c.iso2) AS countries
     FROM projects p WHERE p.deleted_at IS NULL AND p.title_translations = '{}'::jsonb ORDER BY p.code`,
  );
  for (const project of projects) {
    const theme = THEMES.find((t) => {
      const [before, after] = t.en.split('{place}') as [string, string];
      return project.title.startsWith(before) && project.title.endsWith(after);
    });
    if (!theme || !project.countries.length) continue;
    const titles = Object.fromEntries(
      LANGUAGES.map((language) => [
        language,
        theme.titles[language].replace('{place}', placeIn(language, project.countries)),
      ]),
    );
    await client.query(
      `UPDATE projects SET title_translations = $2::jsonb, summary_translations = $3::jsonb,
              version = version + 1, updated_at = now() WHERE id = $1`,
      [project.id, JSON.stringify(titles), JSON.stringify(theme.summaries)],
    );
    await client.query(
      `INSERT INTO audit_entries (actor_id, actor_email, action, entity, entity_id, before, after, request_id)
       VALUES ($1, $2, 'update', 'project', $3, $4::jsonb, $5::jsonb, $6)`,
      [
        actor.id,
        actor.email,
        project.id,
        JSON.stringify({ titleTranslations: {}, summaryTranslations: {}, version: project.version }),
        JSON.stringify({
          titleTranslations: titles,
          summaryTranslations: theme.summaries,
          version: project.version + 1,
        }),
        requestId,
      ],
    );
  }
}
