// Month names as plain words, for telling a month from a name in speaker phrases.
import { norm } from './normalize.js';

export const MONTH_WORDS = new Set(
  `كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين يناير فبراير مارس ابريل مايو يونيو يونيه يوليو يوليه
   اغسطس سبتمبر اكتوبر نوفمبر ديسمبر جانفي فيفري افريل ماي جوان جويليه اوت محرم صفر ربيع جمادي رجب شعبان رمضان شوال`
    .split(/\s+/)
    .filter(Boolean)
    .map(norm),
);
