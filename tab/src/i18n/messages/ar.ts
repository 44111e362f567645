import type { MessageKey } from './en.js';

/** Modern Standard Arabic; "Learning Loop" and "Teams" stay as named. */
export const ar = {
  'app.documentTitle': '{page} – Learning Loop',
  'common.retry': 'إعادة المحاولة',
  'failure.withStatus': '{headline} (HTTP {status}): {detail}',
  'failure.plain': '{headline}: {detail}',

  'page.personal': 'تعلّمي',
  'page.team': 'لوحة معلومات الفريق',
  'page.configure': 'إعداد Learning Loop',
  'page.admin': 'تقرير التعلّم',
  'page.memberEntries': 'تعلّم أحد الأعضاء',
  'page.personal.loading': 'جارٍ تحميل تعلّمك…',
  'page.personal.failed': 'تعذّر تحميل صفحة تعلّمك. تحقّق من الاتصال وحاول مرة أخرى.',
  'page.team.loading': 'جارٍ تحميل لوحة معلومات الفريق…',
  'page.team.failed': 'تعذّر تحميل لوحة معلومات الفريق. تحقّق من الاتصال وحاول مرة أخرى.',
  'page.admin.loading': 'جارٍ تحميل تقرير التعلّم…',
  'page.admin.failed': 'تعذّر تحميل تقرير التعلّم. تحقّق من الاتصال وحاول مرة أخرى.',
  'page.memberEntries.loading': 'جارٍ تحميل إدخالات العضو…',
  'page.memberEntries.failed': 'تعذّر تحميل إدخالات العضو. تحقّق من الاتصال وحاول مرة أخرى.',

  'local.title': 'الوضع المحلي — هوية تجريبية، دون تسجيل دخول',
  'local.outsideTeams': 'لا يعمل داخل Microsoft Teams.',
  'local.teamsSilent': 'لم يستجب Microsoft Teams ‏({detail}).',
  'local.demoOnly': 'لا تقبل الخدمة الهويات التجريبية إلا عند تشغيلها في الوضع المحلي.',
  'local.identity': 'الهوية التجريبية',
  'local.loadingIdentities': 'جارٍ تحميل الهويات التجريبية…',
  'local.loadIdentitiesFailed': 'تعذّر تحميل الهويات التجريبية',
  'local.noLocalMode': 'لا توفّر هذه الخدمة الوضع المحلي، لذا لا توجد هويات تجريبية. افتح Learning Loop في Microsoft Teams لترى تعلّمك.',
  'local.noPeople': 'لا يوجد أشخاص تجريبيون بعد. شغّل الخدمة باستخدام npm start، فهي تضيف فريقًا تجريبيًا إلى مخزن فارغ.',

  'team.picker': 'الفريق',
  'team.pickerLead': '{name} (قائد)',

  'configure.title': 'إضافة Learning Loop إلى هذا الفريق',
  'configure.about': 'تعرض علامة التبويب تعلّم الفريق: من سجّل متابعته، ودقائق التعلّم وأنواعه، ومن قد يحتاج إلى متابعة.',
  'configure.inTeams': 'اختر «حفظ» لإضافتها.',
  'configure.outsideTeams': 'تُعِدّ هذه الصفحة علامة التبويب عند إضافة Learning Loop إلى قناة أو دردشة في Microsoft Teams. افتحها من Teams لإضافة علامة التبويب.',
  'configure.failed': 'تعذّر تجهيز علامة التبويب للحفظ',
} satisfies Partial<Record<MessageKey, string>>;
