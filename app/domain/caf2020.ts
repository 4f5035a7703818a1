/** CAF 2020: the 9 criteria and 28 sub-criteria, copied from db/caf2020.md. The single data source for the app. */
export interface CafSubCriterion {
  code: string;
  titleEn: string;
  titleBg: string;
}

export interface CafCriterion extends CafSubCriterion {
  subCriteria: CafSubCriterion[];
}

export const CAF_CRITERIA: CafCriterion[] = [
  {
    code: '1',
    titleEn: 'Leadership',
    titleBg: 'Лидерство',
    subCriteria: [
      { code: '1.1', titleEn: 'Provide direction for the organisation by developing its mission, vision and values', titleBg: 'Насочване на организацията чрез формулиране на мисия, визия и ценности' },
      { code: '1.2', titleEn: 'Manage the organisation, its performance and its continuous improvement', titleBg: 'Управление на организацията, нейното представяне и непрекъснатото ѝ подобряване' },
      { code: '1.3', titleEn: 'Inspire, motivate and support people in the organisation and act as a role model', titleBg: 'Вдъхновяване, мотивиране и подкрепа на хората в организацията; личен пример' },
      { code: '1.4', titleEn: 'Manage effective relations with political authorities and other stakeholders', titleBg: 'Ефективни отношения с политическите органи и другите заинтересовани страни' },
    ],
  },
  {
    code: '2',
    titleEn: 'Strategy and Planning',
    titleBg: 'Стратегия и планиране',
    subCriteria: [
      { code: '2.1', titleEn: 'Identify the needs and expectations of the stakeholders, the external environment and the relevant management information', titleBg: 'Установяване на нуждите и очакванията на заинтересованите страни, външната среда и управленската информация' },
      { code: '2.2', titleEn: 'Develop strategies and plans based on gathered information', titleBg: 'Разработване на стратегии и планове въз основа на събраната информация' },
      { code: '2.3', titleEn: 'Communicate, implement and review strategies and plans', titleBg: 'Комуникиране, изпълнение и преглед на стратегиите и плановете' },
      { code: '2.4', titleEn: 'Manage change and innovation to ensure the agility and resilience of the organisation', titleBg: 'Управление на промяната и иновациите за гъвкавост и устойчивост на организацията' },
    ],
  },
  {
    code: '3',
    titleEn: 'People',
    titleBg: 'Хора',
    subCriteria: [
      { code: '3.1', titleEn: 'Manage and improve human resources to support the strategy of the organisation', titleBg: 'Управление и развитие на човешките ресурси в подкрепа на стратегията' },
      { code: '3.2', titleEn: 'Develop and manage competencies of people', titleBg: 'Развитие и управление на компетентностите на хората' },
      { code: '3.3', titleEn: 'Involve and empower the people and support their well-being', titleBg: 'Ангажиране и овластяване на хората и грижа за благосъстоянието им' },
    ],
  },
  {
    code: '4',
    titleEn: 'Partnerships and Resources',
    titleBg: 'Партньорства и ресурси',
    subCriteria: [
      { code: '4.1', titleEn: 'Develop and manage partnerships with relevant organisations', titleBg: 'Развитие и управление на партньорства със съответните организации' },
      { code: '4.2', titleEn: 'Collaborate with citizens and civil society organisations', titleBg: 'Сътрудничество с гражданите и организациите на гражданското общество' },
      { code: '4.3', titleEn: 'Manage finances', titleBg: 'Управление на финансите' },
      { code: '4.4', titleEn: 'Manage information and knowledge', titleBg: 'Управление на информацията и знанието' },
      { code: '4.5', titleEn: 'Manage technology', titleBg: 'Управление на технологиите' },
      { code: '4.6', titleEn: 'Manage facilities', titleBg: 'Управление на материалните активи' },
    ],
  },
  {
    code: '5',
    titleEn: 'Processes',
    titleBg: 'Процеси',
    subCriteria: [
      { code: '5.1', titleEn: 'Design and manage processes to increase value for citizens and customers', titleBg: 'Проектиране и управление на процесите за повече стойност за гражданите и потребителите' },
      { code: '5.2', titleEn: 'Deliver products and services for customers, citizens, stakeholders and society', titleBg: 'Предоставяне на продукти и услуги за потребителите, гражданите, заинтересованите страни и обществото' },
      { code: '5.3', titleEn: 'Coordinate processes across the organisation and with other relevant organisations', titleBg: 'Координиране на процесите в организацията и с други организации' },
    ],
  },
  {
    code: '6',
    titleEn: 'Citizen/Customer-oriented Results',
    titleBg: 'Резултати, ориентирани към гражданите/потребителите',
    subCriteria: [
      { code: '6.1', titleEn: 'Perception measurements', titleBg: 'Измерване на възприятията' },
      { code: '6.2', titleEn: 'Performance measurements', titleBg: 'Измерване на изпълнението' },
    ],
  },
  {
    code: '7',
    titleEn: 'People Results',
    titleBg: 'Резултати, свързани с хората',
    subCriteria: [
      { code: '7.1', titleEn: 'Perception measurements', titleBg: 'Измерване на възприятията' },
      { code: '7.2', titleEn: 'Performance measurements', titleBg: 'Измерване на изпълнението' },
    ],
  },
  {
    code: '8',
    titleEn: 'Social Responsibility Results',
    titleBg: 'Резултати в областта на социалната отговорност',
    subCriteria: [
      { code: '8.1', titleEn: 'Perception measurements', titleBg: 'Измерване на възприятията' },
      { code: '8.2', titleEn: 'Performance measurements', titleBg: 'Измерване на изпълнението' },
    ],
  },
  {
    code: '9',
    titleEn: 'Key Performance Results',
    titleBg: 'Ключови резултати от дейността',
    subCriteria: [
      { code: '9.1', titleEn: 'External results: outputs and public value', titleBg: 'Външни резултати: продукти и обществена стойност' },
      { code: '9.2', titleEn: 'Internal results: level of efficiency', titleBg: 'Вътрешни резултати: ниво на ефективност' },
    ],
  },
];
