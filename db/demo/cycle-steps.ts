/**
 * What the Lovech district administration records of its three CAF cycles that the app cannot
 * know: the governor's decision, the communication to the staff, the training of the group and
 * the communication of the plan, on days that fit the demo self-assessments (db/demo/assessment-lovech.ts:
 * 2022 started 10 January, members scoring from the 13th; 2024 started 14 October, scoring from
 * the 17th, approved 13 January 2025; the running one started 24 days before the load day,
 * scoring from 3 days later) and the plans (db/seed.ts: 2022-2024 approved on 10 March 2022,
 * the next approved on 20 January of its first year). Idempotent.
 */
import { eq } from 'drizzle-orm';
import { addDays, startOfDayInSofia } from '../../app/domain/dates';
import type { CycleStep } from '../../app/domain/caf-cycle';
import { writeTransaction } from '../client';
import { assessments, cycleSteps } from '../schema';

type DemoStep = { step: CycleStep; doneOn: string; note: string };

export const CYCLE_2022: DemoStep[] = [
  {
    step: 'organise',
    doneOn: '2021-12-20',
    note: 'Заповед на областния управител за самооценка по модела CAF 2020: цел, срокове, група от шест души и председател (главният секретар).',
  },
  {
    step: 'communicate',
    doneOn: '2022-01-05',
    note: 'Съобщение до всички служители във вътрешната мрежа и на работната среща на дирекциите: защо, кога и кой провежда самооценката.',
  },
  {
    step: 'train',
    doneOn: '2022-01-11',
    note: 'Еднодневно обучение на групата по модела CAF 2020 и прецизираното точкуване, с примерни доказателства по подкритериите.',
  },
  {
    step: 'communicate_plan',
    doneOn: '2022-03-17',
    note: 'Планът за подобрение е публикуван на интернет страницата на администрацията и представен на служителите на обща среща.',
  },
];

/** The 2024 cycle, its plan communicated a week after its approval in January of the plan's first year. */
export function cycle2024(planFirstYear: number): DemoStep[] {
  return [
    {
      step: 'organise',
      doneOn: '2024-09-23',
      note: 'Заповед на областния управител за втората самооценка по модела CAF 2020 (период 2022-2024) и за състава на групата.',
    },
    {
      step: 'communicate',
      doneOn: '2024-10-07',
      note: 'Съобщение до служителите: втората самооценка, сроковете и какво показа изпълнението на плана 2022-2024.',
    },
    {
      step: 'train',
      doneOn: '2024-10-16',
      note: 'Обучение на групата, най-вече на новия член, по точкуването и по доказателствата от изпълнението на плана.',
    },
    {
      step: 'communicate_plan',
      doneOn: `${planFirstYear}-01-27`,
      note: 'Новият план за подобрение е публикуван на интернет страницата и представен на служителите; всяка дирекция получи своите дейности.',
    },
  ];
}

/** The cycle under way: the decision three weeks before the start, the communication a week before, the training two days after. */
export function cycleRunning(startedOn: string): DemoStep[] {
  return [
    {
      step: 'organise',
      doneOn: addDays(startedOn, -21),
      note: 'Заповед на областния управител за третата самооценка по модела CAF 2020: по средата на плана за подобрение, със същата група.',
    },
    {
      step: 'communicate',
      doneOn: addDays(startedOn, -7),
      note: 'Съобщение до служителите: самооценката ще покаже какво е постигнал планът за подобрение досега и какво да се промени в него.',
    },
    {
      step: 'train',
      doneOn: addDays(startedOn, 2),
      note: 'Работна среща на групата: панелът „Предишна самооценка“ и доказателствата от изпълнението на плана по всеки подкритерий.',
    },
  ];
}

export function seedCycleSteps(assessmentId: number, steps: DemoStep[]): void {
  writeTransaction((tx) => {
    const chair = tx.select({ id: assessments.createdBy }).from(assessments).where(eq(assessments.id, assessmentId)).get()!;
    for (const { step, doneOn, note } of steps) {
      tx.insert(cycleSteps)
        .values({
          assessmentId,
          step,
          doneOn,
          note,
          updatedBy: chair.id,
          updatedAt: new Date(startOfDayInSofia(doneOn) + 1000 * 60 * 60 * 15),
        })
        .onConflictDoNothing()
        .run();
    }
  });
}
