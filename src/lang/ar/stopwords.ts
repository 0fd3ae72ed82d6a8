// Words that say nothing about what an article is about: particles, pronouns, auxiliaries,
// reporting verbs, and the calendar. Folded forms (see normalize.ts) after search stemming
// (stem.ts), so «وقال» and «قال» are one entry. Used to pick the terms that identify a story.
const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

export const STOPWORDS = words(`
  في من علي الي عن ان انه انها انهم الذي التي الذين اللذين اللتين هذا هذه ذلك تلك هؤلاء اولئك
  مع كما قد لقد وقد لم لن لا ما ماذا متي اين كيف كل بعض غير بين عند عندما حيث حتي ثم او ام بل
  لكن لكنه لكنها اذا اذ اي ايضا فقط هو هي هم هن نحن انا انت كان كانت كانوا يكون تكون يكن
  ليس ليست اليوم امس غدا الان بعد قبل خلال منذ نحو حول ضد دون لدي لدى الذي عليه عليها عليهم
  منه منها منهم فيه فيها فيهم به بها بهم له لها لهم اليه اليها عنه عنها
  قال قالت اكد اكدت اضاف اضافت اوضح اوضحت اشار اشارت ذكر ذكرت اعلن اعلنت اعرب اعربت
  يوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت احد اثنين ثلاثاء اربعاء خميس جمعه سبت
  العام عام الماضي المقبل الحالي الجاري شهر اسبوع
  يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
  كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين
  واس وكاله الانباء صحيفه موقع خبر اخبار مصدر مصادر
`);

/** A search stem that can say what a text is about: three letters or more, not a stopword, not a number. */
export const isContentStem = (stem: string): boolean => stem.length >= 3 && !STOPWORDS.has(stem) && !/^\d+$/.test(stem);
