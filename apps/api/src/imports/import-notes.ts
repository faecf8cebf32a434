import type { ExportLanguage } from '../common/export/export-labels';
import type { ImportKind } from './import-kinds';

type Sentences = Record<ExportLanguage, string>;

/** Which existing record a row changes: the stable key of each kind (ImportKindDefinition.existing). */
const KEYS: Record<ImportKind, Sentences> = {
  projects: {
    en: 'A row whose Code is that of an existing project changes that project; a row with another code, or none, creates a project (with that code, or the next free one).',
    fr: 'Une ligne dont le Code est celui d’un projet existant modifie ce projet ; une ligne avec un autre code, ou sans code, crée un projet (avec ce code, ou le prochain code libre).',
    es: 'Una fila cuyo Código es el de un proyecto existente modifica ese proyecto; una fila con otro código, o sin código, crea un proyecto (con ese código, o el siguiente libre).',
    ar: 'الصف الذي يطابق رمزه رمز مشروع قائم يعدّل ذلك المشروع؛ والصف الذي يحمل رمزاً آخر أو لا رمز له ينشئ مشروعاً (بذلك الرمز أو بالرمز المتاح التالي).',
    zh: '代码与现有项目相同的行将修改该项目；代码不同或没有代码的行将创建新项目（使用该代码或下一个可用代码）。',
    ru: 'Строка, код которой совпадает с кодом существующего проекта, изменяет этот проект; строка с другим кодом или без кода создает проект (с этим кодом или следующим свободным).',
  },
  contributions: {
    en: 'A row whose Donor and Reference are those of an existing contribution changes that contribution; a row without a reference, or with a new one, creates a contribution.',
    fr: 'Une ligne dont le Donateur et la Référence sont ceux d’une contribution existante modifie cette contribution ; une ligne sans référence, ou avec une nouvelle, crée une contribution.',
    es: 'Una fila cuyo Donante y Referencia son los de una contribución existente modifica esa contribución; una fila sin referencia, o con una nueva, crea una contribución.',
    ar: 'الصف الذي يطابق مانحه ومرجعه مساهمة قائمة يعدّل تلك المساهمة؛ والصف الذي لا مرجع له أو يحمل مرجعاً جديداً ينشئ مساهمة.',
    zh: '捐助方和参考编号与现有捐款相同的行将修改该捐款；没有参考编号或参考编号为新编号的行将创建新捐款。',
    ru: 'Строка, донор и ссылка которой совпадают с существующим взносом, изменяет этот взнос; строка без ссылки или с новой ссылкой создает взнос.',
  },
  consents: {
    en: 'A row whose Project and Country already have a consent record changes that record (a project has one consent record per recipient country); otherwise the row creates it.',
    fr: 'Une ligne dont le Projet et le Pays ont déjà un consentement modifie ce consentement (un projet a un consentement par pays bénéficiaire) ; sinon la ligne le crée.',
    es: 'Una fila cuyo Proyecto y País ya tienen un registro de consentimiento modifica ese registro (un proyecto tiene uno por país receptor); si no, la fila lo crea.',
    ar: 'الصف الذي يكون لمشروعه وبلده سجل موافقة قائم يعدّل ذلك السجل (للمشروع سجل موافقة واحد لكل بلد مستفيد)؛ وإلا فإن الصف ينشئه.',
    zh: '项目和国家已有同意记录的行将修改该记录（每个项目对每个受援国只有一条同意记录）；否则该行将创建记录。',
    ru: 'Строка, для проекта и страны которой уже есть запись о согласии, изменяет эту запись (у проекта одна запись на каждую страну-получателя); иначе строка ее создает.',
  },
  strategies: {
    en: 'A row whose Country and Title are those of an existing national strategy (capitals aside) changes that strategy; any other row creates one. To rename a strategy, edit it in the dashboard.',
    fr: 'Une ligne dont le Pays et le Titre sont ceux d’une stratégie nationale existante (majuscules mises à part) modifie cette stratégie ; toute autre ligne en crée une. Pour renommer une stratégie, modifiez-la dans le tableau de bord.',
    es: 'Una fila cuyo País y Título son los de una estrategia nacional existente (sin distinguir mayúsculas) modifica esa estrategia; cualquier otra fila crea una. Para cambiar el título, edítela en el panel.',
    ar: 'الصف الذي يطابق بلده وعنوانه استراتيجية وطنية قائمة (بصرف النظر عن حالة الأحرف) يعدّل تلك الاستراتيجية؛ وأي صف آخر ينشئ استراتيجية. لتغيير عنوان استراتيجية، عدّلها في لوحة المتابعة.',
    zh: '国家和标题（不区分大小写）与现有国家战略相同的行将修改该战略；其他行将创建新战略。如需更改战略标题，请在仪表板中编辑。',
    ru: 'Строка, страна и название которой совпадают с существующей национальной стратегией (без учета регистра), изменяет эту стратегию; любая другая строка создает новую. Чтобы переименовать стратегию, измените ее на панели.',
  },
};

const BLANK: Sentences = {
  en: 'When a row changes an existing record, a blank cell leaves that field as it is. Required columns must be filled in every row.',
  fr: 'Quand une ligne modifie un enregistrement existant, une cellule vide laisse ce champ tel quel. Les colonnes obligatoires doivent être remplies à chaque ligne.',
  es: 'Cuando una fila modifica un registro existente, una celda vacía deja ese campo como está. Las columnas obligatorias deben completarse en cada fila.',
  ar: 'عندما يعدّل صف سجلاً قائماً، تترك الخلية الفارغة ذلك الحقل كما هو. يجب ملء الأعمدة الإلزامية في كل صف.',
  zh: '当某行修改现有记录时，空白单元格将保持该字段不变。每一行都必须填写必填列。',
  ru: 'Когда строка изменяет существующую запись, пустая ячейка оставляет поле без изменений. Обязательные столбцы должны быть заполнены в каждой строке.',
};

const LISTS: Sentences = {
  en: 'Several values in one cell (countries, dimensions, groups, goals, priority areas) are separated by semicolons. Dates are written YYYY-MM-DD; amounts with a dot for decimals.',
  fr: 'Plusieurs valeurs dans une cellule (pays, dimensions, groupes, objectifs, domaines prioritaires) sont séparées par des points-virgules. Les dates s’écrivent AAAA-MM-JJ ; les montants avec un point décimal.',
  es: 'Varios valores en una celda (países, dimensiones, grupos, objetivos, áreas prioritarias) se separan con punto y coma. Las fechas se escriben AAAA-MM-DD; los importes con punto decimal.',
  ar: 'تُفصل القيم المتعددة في خلية واحدة (البلدان، الأبعاد، الفئات، الأهداف، المجالات ذات الأولوية) بفواصل منقوطة. تُكتب التواريخ بصيغة YYYY-MM-DD، والمبالغ بنقطة عشرية.',
  zh: '一个单元格中的多个值（国家、维度、群体、目标、优先领域）用分号分隔。日期写作 YYYY-MM-DD；金额使用小数点。',
  ru: 'Несколько значений в одной ячейке (страны, измерения, группы, цели, приоритетные области) разделяются точкой с запятой. Даты записываются как ГГГГ-ММ-ДД; суммы — с точкой в качестве десятичного разделителя.',
};

const SHARES: Sentences = {
  en: 'Budget shares: each participating organization and its share of the requested budget, such as "UNDP = 600000.00; WFP = 400000.00" (name, acronym or id); the shares must add up to the requested budget and include the lead organization. Left blank on a new project, the lead organization holds the whole requested budget; left blank on an existing project, the shares stay as they are (a project whose lead is its only organization keeps the whole budget on it). The shares of an approved project change only through a budget revision.',
  fr: 'Parts du budget : chaque organisation participante et sa part du budget demandé, par exemple « UNDP = 600000.00; WFP = 400000.00 » (nom, sigle ou identifiant) ; les parts doivent totaliser le budget demandé et inclure l’organisation chef de file. Laissée vide pour un nouveau projet, l’organisation chef de file détient tout le budget demandé ; laissée vide pour un projet existant, les parts restent inchangées (un projet dont le chef de file est la seule organisation lui garde tout le budget). Les parts d’un projet approuvé ne changent que par une révision budgétaire.',
  es: 'Partes del presupuesto: cada organización participante y su parte del presupuesto solicitado, por ejemplo "UNDP = 600000.00; WFP = 400000.00" (nombre, sigla o id); las partes deben sumar el presupuesto solicitado e incluir la organización principal. Si se deja vacía en un proyecto nuevo, la organización principal recibe todo el presupuesto solicitado; en un proyecto existente, las partes no cambian (un proyecto cuya organización principal es la única le mantiene todo el presupuesto). Las partes de un proyecto aprobado solo cambian mediante una revisión presupuestaria.',
  ar: 'حصص الميزانية: كل منظمة مشاركة وحصتها من الميزانية المطلوبة، مثل "UNDP = 600000.00; WFP = 400000.00" (الاسم أو المختصر أو المعرّف)؛ ويجب أن يساوي مجموع الحصص الميزانية المطلوبة وأن يشمل المنظمة الرائدة. إذا تُركت فارغة لمشروع جديد، تحمل المنظمة الرائدة كامل الميزانية المطلوبة؛ وإذا تُركت فارغة لمشروع قائم، تبقى الحصص كما هي (المشروع الذي تكون منظمته الرائدة هي منظمته الوحيدة يُبقي عليها كامل الميزانية). لا تتغير حصص مشروع معتمد إلا بتنقيح للميزانية.',
  zh: '预算份额：每个参与组织及其在申请预算中的份额，例如 "UNDP = 600000.00; WFP = 400000.00"（名称、缩写或标识符）；各份额之和必须等于申请预算，并须包括牵头组织。新项目留空时，由牵头组织承担全部申请预算；现有项目留空时，份额保持不变（牵头组织为唯一组织的项目，全部预算仍归牵头组织）。已核准项目的份额只能通过预算修订更改。',
  ru: 'Доли бюджета: каждая участвующая организация и ее доля запрашиваемого бюджета, например «UNDP = 600000.00; WFP = 400000.00» (название, аббревиатура или идентификатор); сумма долей должна равняться запрашиваемому бюджету и включать ведущую организацию. Если ячейка пуста для нового проекта, весь запрашиваемый бюджет получает ведущая организация; для существующего проекта доли не меняются (у проекта, где ведущая организация единственная, весь бюджет остается за ней). Доли утвержденного проекта меняются только через пересмотр бюджета.',
};

const TITLE: Sentences = {
  en: 'Notes',
  fr: 'Notes',
  es: 'Notas',
  ar: 'ملاحظات',
  zh: '说明',
  ru: 'Примечания',
};

/** The sheet of notes an Excel template carries beside its header row: its title and its lines. */
export function importNotes(kind: ImportKind, language: ExportLanguage): { title: string; lines: string[] } {
  const lines = [KEYS[kind][language], BLANK[language], LISTS[language]];
  if (kind === 'projects') lines.push(SHARES[language]);
  return { title: TITLE[language], lines };
}
