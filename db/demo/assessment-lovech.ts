/**
 * The demo's self-assessments of the Lovech district administration, as pure data: the one
 * approved in February 2022 that its improvement plan 2022-2024 was drawn up from (fine-tuned
 * scoring, a group of six, the consensus for all 28 sub-criteria, each member's own scores);
 * the next one, started in October 2024 and approved in January 2025, that the plan 2025-2027
 * was drafted from; and the one under way on the day the demo is loaded (runningAssessment),
 * with some members' scores in (stage scoring).
 *
 * Each consensus names the plan measures that answer its areas for improvement
 * (`planMeasures`): exactly the measures of db/demo/lovech-2022-2024.xlsx whose CAF reference is
 * that sub-criterion (assessment-lovech.test.ts checks it against the plan).
 */
import { addDays, isoDateParts } from '../../app/domain/dates';
import { LISTS_2024 } from './consensus-lovech-2024';
import { random } from './random';

export interface DemoMember {
  key: string;
  name: string;
  position: string;
  /** The member's demo account: one of db/seed.ts DEMO_USERS (an assessor when they have no other role). */
  email: string;
  chair: boolean;
}

export interface DemoPhases {
  plan: number;
  do: number;
  check: number;
  act: number;
}

/** Fine-tuned scores: PDCA phases for enablers (criteria 1-5), trends and targets for results (6-9). */
export type DemoScores = { phases: DemoPhases } | { trends: number; targets: number };

export interface DemoConsensus {
  code: string;
  scores: DemoScores;
  strengths: string[];
  improvements: string[];
  /** Codes of the plan's measures that answer the areas for improvement. */
  planMeasures: string[];
}

export interface DemoIndividual {
  member: string;
  code: string;
  scores: DemoScores;
  /** What the member wrote: in 2022, the part of the agreed lists that came from them. */
  strengths: string[];
  improvements: string[];
}

export interface DemoAssessment {
  title: string;
  periodAssessed: string;
  scoring: 'fine_tuned';
  /** The stages of app/domain/assessment-stage.ts; the chair approves. */
  stage: 'scoring' | 'approved';
  startedOn: string;
  approvedOn: string | null;
  members: DemoMember[];
  consensus: DemoConsensus[];
  individual: DemoIndividual[];
}

const p = (plan: number, doing: number, check: number, act: number): DemoScores => ({ phases: { plan, do: doing, check, act } });
const r = (trends: number, targets: number): DemoScores => ({ trends, targets });

const MEMBERS_2022: DemoMember[] = [
  { key: 'petrova', name: 'Мария Петрова', position: 'главен секретар', email: 'secretary@demo.bg', chair: true },
  { key: 'georgiev', name: 'Иван Георгиев', position: 'директор на дирекция АПОФУС', email: 'head@demo.bg', chair: false },
  { key: 'dimitrov', name: 'Петър Димитров', position: 'старши експерт ИТ', email: 'it@demo.bg', chair: false },
  { key: 'nikolova', name: 'Десислава Николова', position: 'главен експерт, дирекция АКРРДС', email: 'nikolova@demo.bg', chair: false },
  { key: 'todorov', name: 'Георги Тодоров', position: 'младши експерт, Център за административно обслужване', email: 'todorov@demo.bg', chair: false },
  { key: 'ilieva', name: 'Надежда Илиева', position: 'главен юрисконсулт', email: 'ilieva@demo.bg', chair: false },
];

/** The agreed strengths, areas for improvement and scores of February 2022 (the period assessed: 2021). */
export const CONSENSUS_2022: DemoConsensus[] = [
  {
    code: '1.1',
    scores: p(30, 25, 15, 10),
    strengths: [
      'Функциите и задачите на администрацията са определени в Устройствения правилник на областните администрации и са публикувани на интернет страницата.',
      'Годишните цели на администрацията се поставят в съответствие с програмата на правителството и се публикуват.',
      'Служителите познават приоритетите на областния управител от общите оперативни срещи.',
    ],
    improvements: [
      'ОА Ловеч няма собствени мисия, визия и ценности, формулирани с участието на служителите и заинтересованите страни.',
      'Няма стратегия за развитие на организацията, която да обединява устойчивост, дигитализация, иновации и социална отговорност.',
    ],
    planMeasures: ['1.1'],
  },
  {
    code: '1.2',
    scores: p(40, 40, 30, 20),
    strengths: [
      'Изградена е система за финансово управление и контрол с вътрешни правила за основните процеси.',
      'Сроковете на преписките се следят чрез системата за документооборот „Акстър офис“.',
      'Дирекциите изготвят тримесечни доклади за изпълнението на задачите си.',
    ],
    improvements: [
      'Стратегията за управление на риска не е актуализирана и не отразява новите рискове (COVID-19, дистанционна работа).',
      'Служителите не са обучавани за ефективна комуникация и работа в екип; вътрешната комуникация между дирекциите е предимно неформална.',
      'Информацията за събития и дейности от обществен интерес не достига навреме до всички служители по вътрешните канали.',
    ],
    planMeasures: ['1.4', '2.1', '2.7'],
  },
  {
    code: '1.3',
    scores: p(30, 35, 20, 15),
    strengths: [
      'Ръководството е достъпно за служителите; спазва се политика на „отворени врати“.',
      'Постиженията на служителите се признават при годишното оценяване на изпълнението.',
    ],
    improvements: [
      'Няма система за гъвкави условия на труд и работа от разстояние в подкрепа на баланса между професионалния и личния живот.',
      'Липсват съвместни събития с други администрации за обмяна на опит и сплотяване на екипа.',
    ],
    planMeasures: ['2.2', '2.8'],
  },
  {
    code: '1.4',
    scores: p(45, 50, 30, 25),
    strengths: [
      'Областният управител председателства Областния съвет за развитие и поддържа редовни контакти с кметовете на осемте общини в областта.',
      'Администрацията координира териториалните структури на изпълнителната власт чрез областни съвети и комисии.',
      'Има споразумения за взаимодействие при бедствия и аварии с общините и с РДПБЗН.',
    ],
    improvements: [
      'Партньорствата за социално-икономическото развитие на областта не са систематизирани: няма списък на потенциалните партньори и регистър на сключените споразумения.',
    ],
    planMeasures: ['1.6'],
  },
  {
    code: '2.1',
    scores: p(35, 30, 20, 15),
    strengths: [
      'Заинтересованите страни са определени в Областната стратегия за развитие и във вътрешните правила за административно обслужване.',
      'Общините и териториалните структури предоставят данни за социално-икономическото развитие на областта.',
    ],
    improvements: [
      'Нуждите и очакванията на заинтересованите страни не се анализират систематично и не се използват при планирането.',
      'Управленската информация (статистика, отчети, жалби) не се събира на едно място и не се анализира редовно.',
    ],
    planMeasures: [],
  },
  {
    code: '2.2',
    scores: p(35, 30, 20, 15),
    strengths: [
      'Годишните цели се разработват и отчитат съгласно Закона за администрацията.',
      'Целите са свързани с приоритетите на Областната стратегия за развитие.',
    ],
    improvements: [
      'Заинтересованите страни не участват в подготовката на стратегическите и плановите документи на администрацията.',
      'Целите не са обвързани с измерими индикатори и с необходимите ресурси.',
    ],
    planMeasures: ['1.3'],
  },
  {
    code: '2.3',
    scores: p(30, 35, 25, 15),
    strengths: [
      'Годишните цели и отчетът за изпълнението им се публикуват на интернет страницата.',
      'Изпълнението на целите се преглежда на оперативните срещи на ръководството.',
    ],
    improvements: [
      'Няма план за комуникация на стратегическите и плановите документи с вътрешните и външните заинтересовани страни.',
      'Правилата за работа на областните комисии, съвети и щабове не предвиждат неприсъствени заседания, което затрудни работата им по време на COVID-19.',
    ],
    planMeasures: ['1.2', '3.8'],
  },
  {
    code: '2.4',
    scores: p(25, 30, 15, 10),
    strengths: [
      'По време на COVID-19 администрацията бързо пренасочи част от обслужването към електронни канали.',
      'Служителите приемат новите начини на работа и се включват в тях.',
    ],
    improvements: [
      'Няма организация за работа от разстояние: достъпът до служебната поща и системите извън сградата не е осигурен.',
      'Оперативките и срещите се провеждат само присъствено; служителите нямат камери и микрофони за видеоконферентна връзка.',
      'Наученото в обученията не се споделя с колегите и не е достъпно за самообучение.',
    ],
    planMeasures: ['2.9', '3.9', '3.10', '3.11'],
  },
  {
    code: '3.1',
    scores: p(45, 45, 35, 25),
    strengths: [
      'Подборът на служители се извършва чрез конкурси по Закона за държавния служител с прозрачни процедури.',
      'Длъжностните характеристики са актуални и отговарят на функциите на звената.',
      'Администрацията участва в програмата „Старт в кариерата“.',
    ],
    improvements: [
      'Стажовете на студенти не се използват системно за привличане на млади кадри.',
      'Политиката за човешките ресурси не е свързана със стратегическите цели на администрацията.',
    ],
    planMeasures: ['2.10'],
  },
  {
    code: '3.2',
    scores: p(40, 45, 30, 20),
    strengths: [
      'Всяка година се изготвя план за обучение по заявките на служителите; използват се обученията на Института по публична администрация.',
      'Новопостъпилите служители се въвеждат в работата от прекия си ръководител.',
    ],
    improvements: [
      'Нуждите от обучение не се анализират спрямо целите на организацията и резултатите от оценяването.',
      'Ефектът от проведените обучения не се оценява.',
    ],
    planMeasures: [],
  },
  {
    code: '3.3',
    scores: p(30, 35, 20, 15),
    strengths: [
      'Служителите участват в работни групи за изготвяне на вътрешните правила.',
      'Осигурени са безопасни условия на труд и периодични медицински прегледи.',
    ],
    improvements: [
      'Не се проучват удовлетвореността и мнението на служителите.',
      'Няма начин служителите да предлагат подобрения и да получават обратна връзка за тях.',
    ],
    planMeasures: [],
  },
  {
    code: '4.1',
    scores: p(40, 45, 25, 20),
    strengths: [
      'Администрацията работи с РЗИ, ОДМВР, РДПБЗН и териториалните структури на министерствата в областни съвети и щабове.',
      'Договорите с доставчиците съдържат ясни изисквания и срокове.',
    ],
    improvements: ['Резултатите от партньорствата с други организации не се проследяват и не се оценяват.'],
    planMeasures: [],
  },
  {
    code: '4.2',
    scores: p(30, 30, 20, 10),
    strengths: [
      'Интернет страницата съдържа информация за административните услуги и за достъпа до обществена информация.',
      'При изработването на областните стратегически документи се провеждат обществени консултации.',
    ],
    improvements: [
      'Информацията за структурата, процесите и начина на работа на администрацията не е представена разбираемо за обществото.',
      'Гражданите нямат лесен начин да подадат идеи, предложения и сигнали; постъпилите не се анализират.',
    ],
    planMeasures: ['1.7', '3.12'],
  },
  {
    code: '4.3',
    scores: p(55, 60, 50, 35),
    strengths: [
      'Бюджетът се планира и изпълнява в програмен формат по указанията на Министерството на финансите.',
      'Финансовите операции минават през предварителен контрол (система на двойния подпис).',
      'Годишните финансови отчети са заверени от Сметната палата без резерви.',
    ],
    improvements: ['Разходите не се анализират по дейности и цели, което затруднява оценката на ефективността.'],
    planMeasures: [],
  },
  {
    code: '4.4',
    scores: p(35, 35, 20, 15),
    strengths: [
      'Във вътрешната мрежа има общи папки с нормативни документи и образци.',
      'Достъпът до обществена информация се предоставя в законовите срокове.',
    ],
    improvements: [
      'Информацията във вътрешната мрежа не се актуализира, а остарялата не се архивира.',
      'Няма правила за запазване на знанията при напускане на служители.',
    ],
    planMeasures: ['3.13'],
  },
  {
    code: '4.5',
    scores: p(40, 40, 25, 20),
    strengths: [
      'Въведена е системата за документооборот „Акстър офис“, свързана със системата за електронен обмен на съобщения (СЕОС).',
      'Електронни административни услуги се предоставят чрез Единния портал за достъп до електронни административни услуги.',
    ],
    improvements: [
      'Документите по преписките се съгласуват на хартия; възможностите на „Акстър офис“ за електронно съгласуване не се използват.',
      'Към електронните преписки не се прикачва цялата документация (снимки, обратни разписки, върнати писма).',
    ],
    planMeasures: ['3.2', '3.3'],
  },
  {
    code: '4.6',
    scores: p(45, 50, 35, 25),
    strengths: [
      'Центърът за административно обслужване е на партерния етаж и е достъпен за хора с увреждания.',
      'Сградата е енергийно обновена; поддръжката ѝ се планира всяка година.',
    ],
    improvements: ['Няма план за използването и поддръжката на имотите – държавна собственост, управлявани от администрацията.'],
    planMeasures: [],
  },
  {
    code: '5.1',
    scores: p(40, 40, 25, 15),
    strengths: [
      'Основните процеси са описани във вътрешните правила за организация на работата и в процедурите по системата за финансово управление и контрол.',
      'Административните услуги са вписани в Административния регистър с образци на заявленията.',
    ],
    improvements: [
      'Вътрешните правила не са преглеждани след промените в нормативната уредба и част от описаните процеси не са актуални.',
      'Вътрешният документооборот е предимно на хартия и дублира електронния.',
      'Образците на заявленията не са проверени за съответствие с измененията в Наредбата за административното обслужване (срокове и такси).',
    ],
    planMeasures: ['3.4', '3.5', '3.14'],
  },
  {
    code: '5.2',
    scores: p(45, 50, 30, 20),
    strengths: [
      'Обслужването е на едно гише в Центъра за административно обслужване; услугите се заявяват и по електронен път и чрез лицензиран пощенски оператор.',
      'Хартата на клиента е публикувана на интернет страницата.',
    ],
    improvements: [
      'Контактната информация на служителите на интернет страницата не е актуална.',
      'Не са въведени част от препоръчителните стандарти за качество на административното обслужване.',
    ],
    planMeasures: ['3.6', '3.15'],
  },
  {
    code: '5.3',
    scores: p(40, 45, 30, 20),
    strengths: [
      'Администрацията координира териториалните структури при кризи (Областен кризисен щаб за борба с COVID-19).',
      'Документите с други администрации се обменят по СЕОС.',
    ],
    improvements: ['Няма споразумения за обмен на данни с общините, с които гражданите да не представят отново вече издадени документи.'],
    planMeasures: [],
  },
  {
    code: '6.1',
    scores: r(20, 15),
    strengths: ['Потребителите, попълнили анкетата за административното обслужване, оценяват високо любезността на служителите.'],
    improvements: [
      'Анкетната карта се попълва от малко потребители, не дава оценка по отделните услуги и резултатите ѝ не се анализират.',
      'Няма целеви стойности за удовлетвореността на потребителите.',
    ],
    planMeasures: ['3.7'],
  },
  {
    code: '6.2',
    scores: r(35, 30),
    strengths: [
      'Над 95 % от административните услуги през 2021 г. са предоставени в законовия срок.',
      'Жалбите срещу административното обслужване са единични.',
    ],
    improvements: ['Просрочените преписки не се проследяват периодично и не се предприемат коригиращи действия.'],
    planMeasures: ['1.5'],
  },
  {
    code: '7.1',
    scores: r(15, 10),
    strengths: ['При годишните разговори за оценка служителите изразяват удовлетвореност от работната среда.'],
    improvements: ['Удовлетвореността и мотивацията на служителите не се измерват; няма данни за тенденции.'],
    planMeasures: [],
  },
  {
    code: '7.2',
    scores: r(30, 25),
    strengths: [
      'Всички служители са преминали поне едно обучение през 2021 г.',
      'Отсъствията поради болест са на ниско ниво.',
    ],
    improvements: [
      'Малко служители предлагат подобрения на работата; няма система за насърчаване на иновациите и инициативността.',
      'Участието на служителите в доброволчески и социално отговорни дейности е епизодично.',
    ],
    planMeasures: ['2.3', '2.4'],
  },
  {
    code: '8.1',
    scores: r(15, 10),
    strengths: ['Служителите участват в благотворителни кампании по повод празници.'],
    improvements: [
      'Няма годишен план на социално отговорните инициативи на администрацията.',
      'В администрацията не се събират разделно отпадъците.',
    ],
    planMeasures: ['2.5', '2.6'],
  },
  {
    code: '8.2',
    scores: r(20, 15),
    strengths: ['Потреблението на електроенергия е намаляло след енергийното обновяване на сградата.'],
    improvements: ['Не се събират данни за екологичния отпечатък на администрацията (хартия, енергия, отпадъци).'],
    planMeasures: [],
  },
  {
    code: '9.1',
    scores: r(40, 35),
    strengths: [
      'Годишните цели на администрацията за 2021 г. са изпълнени в по-голямата си част.',
      'Проведени са всички планирани заседания на Областния съвет за развитие.',
    ],
    improvements: ['Резултатите се отчитат като извършени дейности, а не като постигнати ефекти за гражданите.'],
    planMeasures: [],
  },
  {
    code: '9.2',
    scores: r(30, 25),
    strengths: [
      'Бюджетът е изпълнен в рамките на утвърдените лимити.',
      'Препоръките на вътрешния одит са изпълнени в срок.',
    ],
    improvements: [
      'Няма план за дигитализация с цели и показатели за ефективността на вътрешните процеси.',
      'Ефективността (разход и време за обработка на една преписка) не се измерва.',
    ],
    planMeasures: ['3.1'],
  },
];

/** How much more (or less) than the group each member scores: one is lenient, one strict. */
const LEANING: Record<string, number> = { petrova: 0, georgiev: 5, dimitrov: -5, nikolova: 10, todorov: -10, ilieva: 3, marinova: -3 };
const step5 = (value: number) => Math.min(100, Math.max(0, Math.round(value / 5) * 5));

/** A member's own scores around a level: their leaning plus noise of up to ±15, on the 5-point steps people use. */
function scatter(level: DemoScores, leaning: number, next: () => number): DemoScores {
  const one = (value: number) => step5(value + leaning + Math.round((next() - 0.5) * 30));
  if ('phases' in level) {
    const { plan, do: doing, check, act } = level.phases;
    return p(one(plan), one(doing), one(check), one(act));
  }
  return r(one(level.trends), one(level.targets));
}

/** Of the agreed items, those a member brought: each item came from all but every third member, a different third each time. */
const broughtBy = (items: string[] | undefined, memberIndex: number) => (items ?? []).filter((_, i) => (i + memberIndex) % 3 !== 0);

/**
 * Each member's sheets of the sub-criteria given: scores scattered around the levels, the same
 * on every run, and, where the levels are an agreed consensus, the part of its lists they brought.
 */
function individualScores(members: DemoMember[], levels: (DemoConsensus | { code: string; scores: DemoScores })[], seed: number, codesOf: (member: string) => string[]): DemoIndividual[] {
  const next = random(seed);
  return members.flatMap((member, index) => {
    const codes = new Set(codesOf(member.key));
    return levels
      .filter((level) => codes.has(level.code))
      .map((level) => ({
        member: member.key,
        code: level.code,
        scores: scatter(level.scores, LEANING[member.key] ?? 0, next),
        strengths: broughtBy('strengths' in level ? level.strengths : undefined, index),
        improvements: broughtBy('improvements' in level ? level.improvements : undefined, index),
      }));
  });
}

const ALL_CODES = CONSENSUS_2022.map((c) => c.code);

export const ASSESSMENT_2022: DemoAssessment = {
  title: 'Самооценка по модела CAF 2020 – 2022 г.',
  periodAssessed: '2021',
  scoring: 'fine_tuned',
  stage: 'approved',
  startedOn: '2022-01-10',
  approvedOn: '2022-02-15',
  members: MEMBERS_2022,
  consensus: CONSENSUS_2022,
  individual: individualScores(MEMBERS_2022, CONSENSUS_2022, 2022, () => ALL_CODES),
};

/**
 * How the group of 2024 saw each sub-criterion beyond the plan's work: less where the plan's
 * activities on it were late or not done by the assessment's start (4.2, 4.4), more where other
 * work helped; 3.3 slipped back (no measure, a year of staff turnover).
 */
const SHIFT_2024: Record<string, number> = {
  '1.2': -5, '1.3': 5, '1.4': -5, '2.3': -5, '2.4': 5, '3.3': -5, '4.2': -10, '4.3': 5, '4.4': -10,
  '4.5': 5, '5.1': -5, '5.2': 5, '6.1': -5, '6.2': 5, '8.1': -5, '9.1': 5,
};

/**
 * The 2024 levels: the 2022 consensus, higher where the plan's measures worked on the
 * sub-criterion (by more in PLAN and DO than in CHECK and ACT), shifted as SHIFT_2024 says.
 */
function level2024({ code, scores, planMeasures }: DemoConsensus): { code: string; scores: DemoScores } {
  const worked = planMeasures.length > 0;
  const shift = (value: number) => step5(value + (SHIFT_2024[code] ?? 0));
  if ('phases' in scores) {
    const { plan, do: doing, check, act } = scores.phases;
    const [a, b, c, d] = worked ? [plan + 20, doing + 20, check + 15, act + 10] : [plan + 5, doing + 5, check, act];
    return { code, scores: p(shift(a), shift(b), shift(c), shift(d)) };
  }
  const [trends, targets] = worked ? [scores.trends + 20, scores.targets + 15] : [scores.trends + 5, scores.targets];
  return { code, scores: r(shift(trends), shift(targets)) };
}

const MEMBERS_2024: DemoMember[] = [
  ...MEMBERS_2022.filter((member) => member.key !== 'todorov'),
  { key: 'marinova', name: 'Радослава Маринова', position: 'старши експерт „Човешки ресурси“', email: 'marinova@demo.bg', chair: false },
];

/**
 * The consensus of January 2025: the levels of 2024 with the lists agreed for them
 * (consensus-lovech-2024.ts), each naming the measures of the plan 2025-2027 that answer it.
 */
export const CONSENSUS_2024: DemoConsensus[] = CONSENSUS_2022.map(level2024).map(({ code, scores }) => {
  const lists = LISTS_2024.find((l) => l.code === code)!;
  return { code, scores, strengths: lists.strengths, improvements: lists.improvements, planMeasures: lists.planMeasures };
});

export const ASSESSMENT_2024: DemoAssessment = {
  title: 'Самооценка по модела CAF 2020 – 2024 г.',
  periodAssessed: '2022-2024',
  scoring: 'fine_tuned',
  stage: 'approved',
  startedOn: '2024-10-14',
  approvedOn: '2025-01-13',
  members: MEMBERS_2024,
  consensus: CONSENSUS_2024,
  individual: individualScores(MEMBERS_2024, CONSENSUS_2024, 2024, () => ALL_CODES),
};

/**
 * Where the group of the next self-assessment stands before its own scoring: the 2024 consensus,
 * higher where the plan 2025-2027 works on the sub-criterion (it is half way: less than in 2024).
 */
function levelNext({ code, scores, planMeasures }: DemoConsensus): { code: string; scores: DemoScores } {
  const worked = planMeasures.length > 0;
  if ('phases' in scores) {
    const { plan, do: doing, check, act } = scores.phases;
    return worked ? { code, scores: p(plan + 10, doing + 10, check + 10, act + 5) } : { code, scores: p(plan, doing + 5, check, act) };
  }
  return { code, scores: worked ? r(scores.trends + 10, scores.targets + 10) : r(scores.trends, scores.targets + 5) };
}

/** How far each member of the running self-assessment has got: all, the enablers, the first three criteria, a few, none. */
const SCORED_NEXT: Record<string, string[]> = {
  petrova: ALL_CODES,
  georgiev: ALL_CODES.filter((code) => Number(code[0]) <= 5),
  dimitrov: ALL_CODES.filter((code) => Number(code[0]) <= 3),
  nikolova: ['1.1', '1.2', '1.3', '1.4', '2.1'],
  ilieva: [],
  marinova: [],
};

/**
 * The self-assessment under way on the day the demo is loaded: the group of 2024, started 24
 * days before the day (the year of its start in the title), some members' scores in (stage
 * scoring). Deterministic given the day.
 */
export function runningAssessment(day: string): DemoAssessment {
  const startedOn = addDays(day, -24);
  const { year } = isoDateParts(startedOn);
  return {
    title: `Самооценка по модела CAF 2020 – ${year} г.`,
    periodAssessed: `${year - 1}-${year}`,
    scoring: 'fine_tuned',
    stage: 'scoring',
    startedOn,
    approvedOn: null,
    members: MEMBERS_2024,
    consensus: [],
    individual: individualScores(MEMBERS_2024, CONSENSUS_2024.map(levelNext), year, (member) => SCORED_NEXT[member] ?? []),
  };
}

/** The mean of a sub-criterion's fine-tuned scores: its score. */
export function scoreOf(scores: DemoScores): number {
  const parts = 'phases' in scores ? Object.values(scores.phases) : [scores.trends, scores.targets];
  return parts.reduce((sum, value) => sum + value, 0) / parts.length;
}
