<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>ActDialog</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="250"/>
        <location filename="../../fieldkit/ui/persons.py" line="251"/>
        <source>Add an act</source>
        <translation>إضافة فعل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="258"/>
        <location filename="../../fieldkit/ui/persons.py" line="263"/>
        <source>Act type</source>
        <translation>نوع الفعل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="267"/>
        <location filename="../../fieldkit/ui/persons.py" line="275"/>
        <source>Victims</source>
        <translation>الضحايا</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="279"/>
        <source>Perpetrators and their involvement</source>
        <translation>الجناة ودور كل منهم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="280"/>
        <source>Perpetrator</source>
        <translation>الجاني</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="281"/>
        <source>Involvement</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="292"/>
        <source>Involvement of {who}</source>
        <translation>دور {who}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="298"/>
        <source>Perpetrators</source>
        <translation>الجناة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="300"/>
        <source>Add the persons involved first (victims, perpetrators).</source>
        <translation>أضف الأشخاص المعنيين أولاً (الضحايا والجناة).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="306"/>
        <source>What happened in this act</source>
        <translation>ما الذي حدث في هذا الفعل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="308"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="355"/>
        <source>Adding an act</source>
        <translation>جارٍ إضافة الفعل</translation>
    </message>
</context>
<context>
    <name>AudiencePage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="136"/>
        <source>Who will read it?</source>
        <translation>من سيقرؤه؟</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="137"/>
        <source>The audience decides what the dossier and its bundle leave out. Nothing removed can be recovered from them.</source>
        <translation>يحدد الجمهور ما يُحذف من الملف وحزمته. لا يمكن استعادة أي شيء حُذف منهما.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="140"/>
        <source>Internal (our organisation)</source>
        <translation>داخلي (منظمتنا)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="141"/>
        <source>Everything: names and contacts of people, every testimony, the GPS position of evidence.</source>
        <translation>كل شيء: أسماء الأشخاص ووسائل الاتصال بهم، وكل الشهادات، وموقع الأدلة الجغرافي.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="143"/>
        <source>Partners</source>
        <translation>الشركاء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="144"/>
        <source>Leaves out incidents not cleared for partners and testimonies given without consent to share with partners. People appear by pseudonym only: no names, no contacts.</source>
        <translation>يحذف الحوادث غير المسموح بمشاركتها مع الشركاء، والشهادات التي لم يوافق أصحابها على مشاركتها معهم. يظهر الأشخاص بأسمائهم المستعارة فقط: لا أسماء ولا وسائل اتصال.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="147"/>
        <source>Public</source>
        <translation>العموم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="148"/>
        <source>Only incidents and testimonies cleared for publication; people by pseudonym only; the GPS position of evidence is removed too.</source>
        <translation>الحوادث والشهادات المسموح بنشرها فقط؛ الأشخاص بأسمائهم المستعارة فقط؛ ويُحذف كذلك موقع الأدلة الجغرافي.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="68"/>
        <source>Audit</source>
        <extracomment>The registry&apos;s request names (route names), offered in the action filter.</extracomment>
        <translation>التدقيق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="81"/>
        <source>Registry audit log</source>
        <translation>سجل تدقيق السجل المركزي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="82"/>
        <location filename="../../fieldkit/ui/audit.py" line="211"/>
        <source>Sync log on this device</source>
        <translation>سجل المزامنة على هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="83"/>
        <source>Log checkpoint</source>
        <translation>نقطة تحقق السجل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="96"/>
        <source>Filter by device</source>
        <translation>التصفية حسب الجهاز</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="98"/>
        <location filename="../../fieldkit/ui/audit.py" line="349"/>
        <location filename="../../fieldkit/ui/audit.py" line="400"/>
        <source>Any device</source>
        <translation>أي جهاز</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="101"/>
        <source>Filter by action</source>
        <translation>التصفية حسب الإجراء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="102"/>
        <source>Any action</source>
        <translation>أي إجراء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="107"/>
        <source>Filter by outcome</source>
        <translation>التصفية حسب النتيجة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="108"/>
        <source>Any outcome</source>
        <translation>أي نتيجة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>ok</source>
        <translation>ناجح</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>refused</source>
        <translation>مرفوض</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>error</source>
        <translation>خطأ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="113"/>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <source>From</source>
        <translation>من</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="117"/>
        <source>From date (UTC)</source>
        <translation>من تاريخ (UTC)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="118"/>
        <source>To</source>
        <translation>إلى</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="122"/>
        <source>To date, inclusive (UTC)</source>
        <translation>إلى تاريخ، ضمناً (UTC)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="130"/>
        <location filename="../../fieldkit/ui/audit.py" line="132"/>
        <source>Apply filters</source>
        <translation>تطبيق التصفية</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="136"/>
        <source>Device:</source>
        <translation>الجهاز:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="138"/>
        <source>Action:</source>
        <translation>الإجراء:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="140"/>
        <source>Outcome:</source>
        <translation>النتيجة:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="150"/>
        <source>Registry audit events</source>
        <translation>أحداث تدقيق السجل المركزي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <source>Path</source>
        <translation>المسار</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <source>Reason</source>
        <translation>السبب</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="161"/>
        <source>Previous page</source>
        <translation>الصفحة السابقة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="165"/>
        <source>Next page</source>
        <translation>الصفحة التالية</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="169"/>
        <source>Export this page…</source>
        <translation>تصدير هذه الصفحة…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="171"/>
        <source>Export this page as CSV</source>
        <translation>تصدير هذه الصفحة بصيغة CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="173"/>
        <source>Export all matching…</source>
        <translation>تصدير كل النتائج…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="176"/>
        <source>Export every matching event as CSV</source>
        <translation>تصدير كل الأحداث المطابقة بصيغة CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="180"/>
        <source>Export progress</source>
        <translation>تقدّم التصدير</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="182"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="196"/>
        <source>Audit log status</source>
        <translation>حالة سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Detail</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="159"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="163"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="227"/>
        <source>Checkpoint verification</source>
        <translation>التحقق من نقطة التحقق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="238"/>
        <source>Status:</source>
        <translation>الحالة:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="239"/>
        <source>Log:</source>
        <translation>السجل:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="240"/>
        <source>Entries (size):</source>
        <translation>عدد المدخلات:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="241"/>
        <source>Root hash:</source>
        <translation>بصمة الجذر:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="242"/>
        <source>Consistency verified at:</source>
        <translation>تاريخ التحقق من الاتساق:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="309"/>
        <source>Loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="311"/>
        <source>Reading the audit log</source>
        <translation>جارٍ قراءة سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="343"/>
        <source>Reading the sync log</source>
        <translation>جارٍ قراءة سجل المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="353"/>
        <source>(revoked)</source>
        <translation>(مُلغى)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="378"/>
        <source>Events {first}–{last}</source>
        <translation>الأحداث {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="381"/>
        <source>No events match these filters.</source>
        <translation>لا أحداث تطابق هذه التصفية.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="389"/>
        <source>Page {n}</source>
        <translation>الصفحة {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="437"/>
        <source>Save the audit log as CSV</source>
        <translation>حفظ سجل التدقيق بصيغة CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="438"/>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="472"/>
        <source>Saved {n} events to {path}.</source>
        <translation>حُفظ {n} حدثاً في ⁦{path}⁩.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="479"/>
        <source>Export cancelled; no file was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="485"/>
        <source>Exporting the audit log</source>
        <translation>جارٍ تصدير سجل التدقيق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="498"/>
        <source>Does NOT verify: {why}</source>
        <translation>لا يجتاز التحقق: {why}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="504"/>
        <source>No checkpoint yet: sync once.</source>
        <translation>لا توجد نقطة تحقق بعد: زامن مرة واحدة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="509"/>
        <source>Registry distrusted: {why}</source>
        <translation>السجل المركزي غير موثوق: {why}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="514"/>
        <source>Verified: signed by the pinned log key and consistent with the {n} checkpoints kept before it.</source>
        <translation>تم التحقق: موقّعة بمفتاح السجل المثبّت ومتسقة مع نقاط التحقق السابقة المحفوظة ({n}).</translation>
    </message>
</context>
<context>
    <name>AutoLockDialog</name>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="82"/>
        <source>Auto-lock</source>
        <translation>القفل التلقائي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="89"/>
        <source> min</source>
        <translation> دقيقة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="90"/>
        <source>Lock after idle minutes</source>
        <translation>القفل بعد دقائق من الخمول</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="91"/>
        <source>Lock after this many idle &amp;minutes (0: never):</source>
        <translation>اقفل بعد هذا العدد من &amp;دقائق الخمول (0: أبداً):</translation>
    </message>
</context>
<context>
    <name>CategoryCombo</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="211"/>
        <source>Choose a category</source>
        <translation>اختر فئة</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="156"/>
        <source>Type to search for a country</source>
        <extracomment>Codes Qt knows that are not countries.</extracomment>
        <translation>اكتب للبحث عن بلد</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="182"/>
        <source>Create your vault</source>
        <translation>أنشئ خزنتك</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="184"/>
        <source>Everything you record is encrypted on this computer with a key protected by your passphrase. Choose several words you can remember; nobody can reset it.</source>
        <translation>كل ما تسجّله يُشفَّر على هذا الحاسوب بمفتاح تحميه عبارة المرور. اختر عدة كلمات تستطيع تذكّرها؛ لا أحد يستطيع إعادة تعيينها.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="186"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;عبارة المرور:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="187"/>
        <source>&amp;Repeat it:</source>
        <translation>أ&amp;عِدها:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="188"/>
        <source>Also set a &amp;duress passphrase</source>
        <translation>عيّن أيضاً عبارة مرور لل&amp;إكراه</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="189"/>
        <source>D&amp;uress passphrase:</source>
        <translation>عبارة مرور الإ&amp;كراه:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="191"/>
        <source>Typed instead of the real passphrase, it silently destroys this vault and opens an empty one.</source>
        <translation>إذا كُتبت بدل العبارة الحقيقية، تُتلف هذه الخزنة بصمت وتفتح خزنة فارغة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="193"/>
        <source>&amp;Create vault</source>
        <translation>إ&amp;نشاء الخزنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="194"/>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="195"/>
        <source>Repeat the passphrase</source>
        <translation>أعد كتابة عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="196"/>
        <source>Duress passphrase</source>
        <translation>عبارة مرور الإكراه</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="197"/>
        <source>Passphrase strength</source>
        <translation>قوة عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="204"/>
        <source>Too short: use at least {n} characters, better several words.</source>
        <translation>قصيرة جداً: استخدم {n} أحرف على الأقل، والأفضل عدة كلمات.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="206"/>
        <source>Weak: add more words.</source>
        <translation>ضعيفة: أضف كلمات أخرى.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="207"/>
        <source>Fair: one or two more words would help.</source>
        <translation>مقبولة: كلمة أو كلمتان إضافيتان تفيدان.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="208"/>
        <source>Good.</source>
        <translation>جيدة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="209"/>
        <source>Strong.</source>
        <translation>قوية.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="232"/>
        <source>The two passphrases differ.</source>
        <translation>العبارتان مختلفتان.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="233"/>
        <source>Type the same passphrase twice.</source>
        <translation>اكتب العبارة نفسها مرتين.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="255"/>
        <source>Creating the vault</source>
        <translation>جارٍ إنشاء الخزنة</translation>
    </message>
</context>
<context>
    <name>CustodyTimeline</name>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="51"/>
        <location filename="../../fieldkit/ui/custody.py" line="53"/>
        <source>Chain of custody</source>
        <extracomment>Actions offered (any other text may be typed).</extracomment>
        <translation>سلسلة الحيازة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="56"/>
        <source>Custody events, oldest first</source>
        <translation>أحداث الحيازة، الأقدم أولاً</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>When</source>
        <translation>متى</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>By</source>
        <translation>بواسطة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="59"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="59"/>
        <source>Sealed record</source>
        <translation>السجل المختوم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="63"/>
        <source>Custody action</source>
        <translation>إجراء الحيازة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>transferred</source>
        <translation>نُقل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>copied</source>
        <translation>نُسخ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>verified</source>
        <translation>تُحقق منه</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>viewed</source>
        <translation>عُرض</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>handed over</source>
        <translation>سُلّم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>stored</source>
        <translation>خُزّن</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="71"/>
        <source>Custody note</source>
        <translation>ملاحظة الحيازة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="72"/>
        <source>To whom, where, why</source>
        <translation>لمن، وأين، ولماذا</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="74"/>
        <source>Add event</source>
        <translation>إضافة حدث</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="76"/>
        <source>Add a custody event (sealed at once)</source>
        <translation>إضافة حدث حيازة (يُختم فوراً)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="124"/>
        <source>Chain of custody: {error}</source>
        <translation>سلسلة الحيازة: {error}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="127"/>
        <source>Reading the chain of custody</source>
        <translation>جارٍ قراءة سلسلة الحيازة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="135"/>
        <source>this device</source>
        <translation>هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="139"/>
        <source>in the record</source>
        <translation>في السجل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="154"/>
        <source>Say what happened to the evidence.</source>
        <translation>اذكر ما حدث للدليل.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="155"/>
        <source>For example: handed over, copied.</source>
        <translation>مثلاً: سُلّم، نُسخ.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="171"/>
        <source>Sealing a custody event</source>
        <translation>جارٍ ختم حدث الحيازة</translation>
    </message>
</context>
<context>
    <name>DossierWizard</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="284"/>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="285"/>
        <source>Export a dossier</source>
        <translation>تصدير ملف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="329"/>
        <source>Selecting, verifying and rendering…</source>
        <translation>جارٍ الاختيار والتحقق والإخراج…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="358"/>
        <source>Cancelled. No file was written.</source>
        <translation>أُلغي. لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="360"/>
        <source>The dossier was not written.</source>
        <translation>لم يُكتب الملف.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="366"/>
        <source>Exporting the dossier</source>
        <translation>جارٍ تصدير الملف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="372"/>
        <source>Dossier: {path} ({pages} pages, {n} incidents)</source>
        <translation>الملف: ⁦{path}⁩ (الصفحات: {pages}، الحوادث: {n})</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="375"/>
        <source>Bundle: {path}</source>
        <translation>الحزمة: ⁦{path}⁩</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="376"/>
        <source>Contents digest (printed in the dossier): {digest}</source>
        <translation>بصمة المحتوى (مطبوعة في الملف): ⁦{digest}⁩</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="378"/>
        <source>Anyone can check it with: fieldkit verify {bundle} --dossier {pdf}</source>
        <translation>يمكن لأي شخص التحقق منه بالأمر: fieldkit verify ⁦{bundle}⁩ --dossier ⁦{pdf}⁩</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="97"/>
        <source>Enrol this vault</source>
        <extracomment>A photo of a QR code is a few MiB at most; refuse anything far larger before decoding.</extracomment>
        <translation>تسجيل هذه الخزنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="98"/>
        <source>Enrol this vault with a registry</source>
        <translation>تسجيل هذه الخزنة لدى سجل مركزي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="101"/>
        <source>Paste the enrolment code an administrator gave you (it starts with FKE1.), or open a photo of its QR code.</source>
        <translation>الصق رمز التسجيل الذي أعطاك إياه المسؤول (يبدأ بـ FKE1.)، أو افتح صورة رمز QR الخاص به.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="106"/>
        <source>Enrolment code</source>
        <translation>رمز التسجيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="110"/>
        <source>Open QR image…</source>
        <translation>فتح صورة QR…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="112"/>
        <source>Open a QR code image</source>
        <translation>فتح صورة رمز QR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="116"/>
        <source>Name of this device</source>
        <translation>اسم هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="117"/>
        <source>e.g. field laptop 3</source>
        <translation>مثلاً: الحاسوب الميداني 3</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="123"/>
        <source>&amp;Code:</source>
        <translation>ال&amp;رمز:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="126"/>
        <source>Device &amp;name:</source>
        <translation>ا&amp;سم الجهاز:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="130"/>
        <source>Enrolment error</source>
        <translation>خطأ في التسجيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="136"/>
        <source>Enrolment result</source>
        <translation>نتيجة التسجيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="142"/>
        <source>&amp;Enrol</source>
        <translation>&amp;تسجيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="145"/>
        <source>Enrol</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="183"/>
        <source>Open the enrolment QR image</source>
        <translation>فتح صورة QR للتسجيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="184"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>الصور (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="208"/>
        <source>Reading the QR code</source>
        <translation>جارٍ قراءة رمز QR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="235"/>
        <source>monitor</source>
        <translation>راصد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="235"/>
        <source>staff</source>
        <translation>موظف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="236"/>
        <source>administrator</source>
        <translation>مسؤول</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="238"/>
        <source>Enrolled as {role} with {url}.
Pinned certificate fingerprint (SHA-256):
{fingerprint}
This device: {key}</source>
        <translation>سُجّلت بصفة {role} لدى ⁦{url}⁩.
بصمة الشهادة المثبّتة (SHA-256):
⁦{fingerprint}⁩
هذا الجهاز: ⁦{key}⁩</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="255"/>
        <source>Enrolling</source>
        <translation>جارٍ التسجيل</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="27"/>
        <source>FieldKit</source>
        <extracomment>Object name of the dialog (tests find it with QApplication.topLevelWidgets()).</extracomment>
        <translation>FieldKit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="31"/>
        <source>Error code: {code}</source>
        <translation>رمز الخطأ: ⁦{code}⁩</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="33"/>
        <source>Error</source>
        <translation>خطأ</translation>
    </message>
</context>
<context>
    <name>EvidenceImportDialog</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="165"/>
        <location filename="../../fieldkit/ui/evidence.py" line="166"/>
        <source>Import evidence</source>
        <translation>استيراد دليل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="175"/>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="178"/>
        <source>Evidence description</source>
        <translation>وصف الدليل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="180"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="183"/>
        <source>Captured at (optional)</source>
        <translation>وقت الالتقاط (اختياري)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="186"/>
        <source>Captured at</source>
        <translation>وقت الالتقاط</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="190"/>
        <source>Latitude (optional)</source>
        <translation>خط العرض (اختياري)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="191"/>
        <source>latitude, e.g. 43.2389</source>
        <translation>خط العرض، مثلاً 43.2389</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="194"/>
        <source>Longitude (optional)</source>
        <translation>خط الطول (اختياري)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="195"/>
        <source>longitude, e.g. 76.8897</source>
        <translation>خط الطول، مثلاً 76.8897</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="199"/>
        <source>GPS</source>
        <translation>الموقع (GPS)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="203"/>
        <source>Import progress</source>
        <translation>تقدّم الاستيراد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="206"/>
        <source>Ready to import. The file is encrypted into the vault; the original is not changed.</source>
        <translation>جاهز للاستيراد. يُشفَّر الملف داخل الخزنة ولا يتغير الأصل.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="212"/>
        <source>SHA-256 of the imported file</source>
        <translation>بصمة SHA-256 للملف المستورد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="219"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="223"/>
        <source>Cancel import</source>
        <translation>إلغاء الاستيراد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="225"/>
        <source>Cancel the import</source>
        <translation>إلغاء الاستيراد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="227"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="254"/>
        <source>GPS needs both a latitude and a longitude, as decimal degrees.</source>
        <translation>يحتاج الموقع إلى خط العرض وخط الطول معاً، بالدرجات العشرية.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="256"/>
        <source>For example 43.2389 and 76.8897.</source>
        <translation>مثلاً 43.2389 و76.8897.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="268"/>
        <source>Importing {name}…</source>
        <translation>جارٍ استيراد {name}…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="277"/>
        <source>Importing evidence</source>
        <translation>جارٍ استيراد الدليل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="287"/>
        <source>Imported and encrypted. SHA-256:</source>
        <translation>اكتمل الاستيراد والتشفير. SHA-256:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="290"/>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="305"/>
        <source>Import cancelled: nothing was added to the vault.</source>
        <translation>أُلغي الاستيراد: لم يُضف شيء إلى الخزنة.</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="383"/>
        <source>Evidence</source>
        <extracomment>A file import dialog opened (tests drive it; the editor does not need it). The incident after a file was added to it.</extracomment>
        <translation>الأدلة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="387"/>
        <source>Evidence files (drop files here to import them)</source>
        <translation>ملفات الأدلة (أفلت الملفات هنا لاستيرادها)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="390"/>
        <source>Import file…</source>
        <translation>استيراد ملف…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="392"/>
        <source>Import an evidence file</source>
        <translation>استيراد ملف دليل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="415"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="451"/>
        <source>Save the draft first, then import files or drop them on the list.</source>
        <translation>احفظ المسودة أولاً، ثم استورد الملفات أو أفلتها على القائمة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="454"/>
        <source>Sealed: no files can be added. Custody events can.</source>
        <translation>مختوم: لا يمكن إضافة ملفات، لكن يمكن إضافة أحداث حيازة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="456"/>
        <source>Or drop files on the list.</source>
        <translation>أو أفلت الملفات على القائمة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="484"/>
        <source>Import evidence files</source>
        <translation>استيراد ملفات الأدلة</translation>
    </message>
</context>
<context>
    <name>EvidencePreview</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="113"/>
        <source>Preview</source>
        <extracomment>Images larger than this are not previewed (they would be decrypted into memory whole). Previews are scaled to fit this square.</extracomment>
        <translation>معاينة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="122"/>
        <source>No preview for this type of file.</source>
        <translation>لا معاينة لهذا النوع من الملفات.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="125"/>
        <source>Decrypting the preview…</source>
        <translation>جارٍ فك تشفير المعاينة…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="144"/>
        <source>Decrypting a preview</source>
        <translation>جارٍ فك تشفير المعاينة</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="338"/>
        <source>Incident editor</source>
        <translation>محرر الحادثة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="347"/>
        <source>Record state</source>
        <translation>حالة السجل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="351"/>
        <source>Save draft</source>
        <translation>حفظ المسودة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="352"/>
        <source>Save the draft</source>
        <translation>حفظ المسودة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="353"/>
        <source>Seal…</source>
        <translation>ختم…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="354"/>
        <source>Seal this incident (sign it; it cannot be edited afterwards)</source>
        <translation>ختم هذه الحادثة (توقيعها؛ لا يمكن تعديلها بعد ذلك)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="356"/>
        <source>Amend</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="357"/>
        <location filename="../../fieldkit/ui/editor.py" line="602"/>
        <source>Start a new revision of this sealed record</source>
        <translation>بدء نسخة معدّلة جديدة من هذا السجل المختوم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="359"/>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="360"/>
        <source>Close the editor</source>
        <translation>إغلاق المحرر</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="364"/>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="384"/>
        <source>Internal</source>
        <translation>داخلي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="384"/>
        <source>Only our organisation&apos;s staff</source>
        <translation>موظفو منظمتنا فقط</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="385"/>
        <source>Partners</source>
        <translation>الشركاء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="385"/>
        <source>Staff and trusted partners</source>
        <translation>الموظفون والشركاء الموثوقون</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="386"/>
        <source>Public</source>
        <translation>عام</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="386"/>
        <source>May be published</source>
        <translation>يجوز نشره</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="391"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="392"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="393"/>
        <source>Date precision</source>
        <translation>دقة التاريخ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="394"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="395"/>
        <source>End date</source>
        <translation>تاريخ النهاية</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="396"/>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="397"/>
        <location filename="../../fieldkit/ui/editor.py" line="410"/>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="398"/>
        <location filename="../../fieldkit/ui/editor.py" line="411"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="400"/>
        <location filename="../../fieldkit/ui/editor.py" line="412"/>
        <source>Confidentiality</source>
        <translation>السرية</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="406"/>
        <source>Title *</source>
        <translation>العنوان *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="407"/>
        <source>Category *</source>
        <translation>الفئة *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="408"/>
        <source>When *</source>
        <translation>التاريخ *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="409"/>
        <source>Country *</source>
        <translation>البلد *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="417"/>
        <source>Persons (by pseudonym)</source>
        <translation>الأشخاص (بأسمائهم المستعارة)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="418"/>
        <source>Add person…</source>
        <translation>إضافة شخص…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="419"/>
        <source>Add a person</source>
        <translation>إضافة شخص</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="420"/>
        <location filename="../../fieldkit/ui/editor.py" line="429"/>
        <source>Acts</source>
        <translation>الأفعال</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="421"/>
        <source>Add act…</source>
        <translation>إضافة فعل…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="422"/>
        <source>Add an act</source>
        <translation>إضافة فعل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="425"/>
        <source>Persons are shown by pseudonym. Real names are optional and internal only.</source>
        <translation>يظهر الأشخاص بأسمائهم المستعارة. الأسماء الحقيقية اختيارية وللاستخدام الداخلي فقط.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="434"/>
        <location filename="../../fieldkit/ui/editor.py" line="450"/>
        <source>Testimonies</source>
        <translation>الشهادات</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="435"/>
        <source>Add testimony…</source>
        <translation>إضافة شهادة…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="436"/>
        <source>Add a testimony</source>
        <translation>إضافة شهادة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="448"/>
        <source>Incident</source>
        <translation>الحادثة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="449"/>
        <source>Persons and acts</source>
        <translation>الأشخاص والأفعال</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="451"/>
        <source>Evidence</source>
        <translation>الأدلة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="471"/>
        <source>Opening…</source>
        <translation>جارٍ الفتح…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="550"/>
        <source>Opening the incident</source>
        <translation>جارٍ فتح الحادثة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="569"/>
        <source>The vault is locked.</source>
        <translation>الخزنة مقفلة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="603"/>
        <source>Another device sealed this record: only that device may amend it.</source>
        <translation>ختم جهاز آخر هذا السجل: لا يعدّله إلا ذلك الجهاز.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="645"/>
        <source>{kind}: victims {victims}; perpetrators {perps}</source>
        <translation>{kind}: الضحايا {victims}؛ الجناة {perps}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="659"/>
        <source>Annotations sealed beside this record (they do not change it):</source>
        <translation>تعليقات مختومة بجانب هذا السجل (لا تغيّره):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="660"/>
        <source>{at}, by device {device}: {text}</source>
        <translation>{at}، من الجهاز {device}: {text}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="669"/>
        <source>New incident — not saved yet.</source>
        <translation>حادثة جديدة — لم تُحفظ بعد.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="672"/>
        <source>Conflict — record {id} claims to amend {prev}, which it may not replace: only the device that sealed a record may amend it, and only within the same incident. It is kept but replaces nothing; {prev} stays current.</source>
        <translation>تعارض — السجل {id} يدّعي أنه يعدّل {prev}، ولا يحق له أن يحل محله: لا يعدّل السجلَّ إلا الجهازُ الذي ختمه، وضمن الحادثة نفسها فقط. يُحتفظ به لكنه لا يحل محل شيء؛ ويبقى {prev} هو النسخة الحالية.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="679"/>
        <source>Two revisions — the device that sealed {id} also sealed another current revision of this incident ({others}). Both are kept; exports ask you to choose one by its record id.</source>
        <translation>نسختان — الجهاز الذي ختم {id} ختم أيضاً نسخة حالية أخرى من هذه الحادثة ({others}). يُحتفظ بالاثنتين؛ وعند التصدير يُطلب منك اختيار إحداهما بمعرّف سجلها.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="686"/>
        <source>Sealed and superseded — record {id}, sealed {at}. A newer revision replaces it: {new}.</source>
        <translation>مختوم ومُستبدَل — السجل ⁦{id}⁩، خُتم في ⁦{at}⁩. تحلّ محله نسخة أحدث: ⁦{new}⁩.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="692"/>
        <source>Sealed by another device — record {id}, sealed {at}. Read-only: only the device that sealed it may amend it; annotate it to add a correction beside it.</source>
        <translation>مختوم بجهاز آخر — السجل {id}، خُتم في {at}. للقراءة فقط: لا يعدّله إلا الجهاز الذي ختمه؛ أضف تعليقاً لتضع تصحيحاً بجانبه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="698"/>
        <source>Sealed — record {id}, sealed {at}. Read-only: use Amend to correct it.</source>
        <translation>مختوم — السجل ⁦{id}⁩، خُتم في ⁦{at}⁩. للقراءة فقط: استخدم «تعديل» لتصحيحه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="703"/>
        <source>Draft {id} — not sealed yet; you can still edit it.</source>
        <translation>مسودة ⁦{id}⁩ — لم تُختم بعد؛ ما زال بإمكانك تعديلها.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="706"/>
        <source>It amends the sealed record {id}.</source>
        <translation>تعدّل السجل المختوم ⁦{id}⁩.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="708"/>
        <source>{n} record(s) of other devices claim to amend this one; they replace nothing.</source>
        <translation>سجلات من أجهزة أخرى ({n}) تدّعي أنها تعدّل هذا السجل؛ لا تحل محل شيء.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="726"/>
        <source>Choose a category.</source>
        <translation>اختر فئة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="727"/>
        <source>Pick the category that fits best; it can be changed until the record is sealed.</source>
        <translation>اختر الفئة الأنسب؛ يمكن تغييرها إلى أن يُختم السجل.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="731"/>
        <source>Choose the country where it happened.</source>
        <translation>اختر البلد الذي وقعت فيه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="732"/>
        <source>Type part of the country&apos;s name to find it.</source>
        <translation>اكتب جزءاً من اسم البلد للعثور عليه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="771"/>
        <source>Saving the incident</source>
        <translation>جارٍ حفظ الحادثة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="846"/>
        <source>Starting a revision</source>
        <translation>جارٍ بدء نسخة معدّلة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="861"/>
        <location filename="../../fieldkit/ui/editor.py" line="866"/>
        <source>Unsaved changes</source>
        <translation>تغييرات غير محفوظة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="862"/>
        <source>Save the changes to this draft?</source>
        <translation>هل تحفظ التغييرات على هذه المسودة؟</translation>
    </message>
</context>
<context>
    <name>IncidentModel</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="58"/>
        <source>Title</source>
        <extracomment>After a change, reload at most this many rows (the rows the user had scrolled to). The query costs 10-40 ms at 100k incidents (bench/bench_ui.py): results within 100 ms of the last key, with room for a busy machine.</extracomment>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="59"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="60"/>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="61"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="62"/>
        <source>State</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="63"/>
        <source>Synced</source>
        <translation>مُزامَن</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="262"/>
        <source>Loading incidents</source>
        <extracomment>How to ask for the next page: a (occurred, rowid) key, or a search-hit offset.</extracomment>
        <translation>جارٍ تحميل الحوادث</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="292"/>
        <source>Draft</source>
        <translation>مسودة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="292"/>
        <source>Sealed</source>
        <translation>مختوم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="293"/>
        <source>Sealed (amended)</source>
        <translation>مختوم (مُعدَّل)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="294"/>
        <source>Conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="295"/>
        <source>Two revisions</source>
        <translation>نسختان</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="300"/>
        <source>This record claims to amend a record it may not replace (another device&apos;s, or another incident&apos;s). It is kept but replaces nothing; the record it names stays current.</source>
        <translation>يدّعي هذا السجل أنه يعدّل سجلاً لا يحق له أن يحل محله (سجل جهاز آخر أو حادثة أخرى). يُحتفظ به لكنه لا يحل محل شيء؛ ويبقى السجل الذي يسمّيه هو الحالي.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="304"/>
        <source>The same device sealed two current revisions of this incident. Both are kept; exports ask you to choose one by its record id.</source>
        <translation>ختم الجهاز نفسه نسختين حاليتين من هذه الحادثة. يُحتفظ بالاثنتين؛ وعند التصدير يُطلب منك اختيار إحداهما بمعرّف سجلها.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="331"/>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="331"/>
        <source>No</source>
        <translation>لا</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="481"/>
        <source>&amp;Search:</source>
        <translation>&amp;بحث:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="482"/>
        <source>Words in any language, names, places…</source>
        <translation>كلمات بأي لغة، أسماء، أماكن…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="483"/>
        <source>Search incidents</source>
        <translation>البحث في الحوادث</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="484"/>
        <source>&amp;New incident</source>
        <translation>حادثة &amp;جديدة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="485"/>
        <source>New incident</source>
        <translation>حادثة جديدة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="486"/>
        <source>Clear filters</source>
        <translation>مسح التصفية</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;Category:</source>
        <translation>ال&amp;فئة:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>C&amp;ountry:</source>
        <translation>ال&amp;بلد:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;From:</source>
        <translation>&amp;من:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;To:</source>
        <translation>إ&amp;لى:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="488"/>
        <source>S&amp;tate:</source>
        <translation>ال&amp;حالة:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="488"/>
        <source>S&amp;ynced:</source>
        <translation>م&amp;زامَن:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>Category filter</source>
        <translation>التصفية حسب الفئة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>Country filter</source>
        <translation>التصفية حسب البلد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>From date</source>
        <translation>من تاريخ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>To date</source>
        <translation>إلى تاريخ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>State filter</source>
        <translation>التصفية حسب الحالة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>Synced filter</source>
        <translation>التصفية حسب المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="497"/>
        <source>any</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="498"/>
        <source>Incidents</source>
        <translation>الحوادث</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="499"/>
        <location filename="../../fieldkit/ui/incidents.py" line="501"/>
        <location filename="../../fieldkit/ui/incidents.py" line="523"/>
        <location filename="../../fieldkit/ui/incidents.py" line="533"/>
        <source>All</source>
        <translation>الكل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="499"/>
        <source>Drafts</source>
        <translation>المسودات</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="500"/>
        <source>Sealed</source>
        <translation>المختومة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="501"/>
        <source>Synced</source>
        <translation>المُزامَنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="502"/>
        <source>Not synced</source>
        <translation>غير المُزامَنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="590"/>
        <source>{n}{more} found</source>
        <translation>النتائج: {n}{more}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="592"/>
        <source>{n} incidents</source>
        <translation>الحوادث: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="594"/>
        <source>{n} shown</source>
        <translation>المعروض: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="596"/>
        <source>loading…</source>
        <translation>جارٍ التحميل…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="65"/>
        <source>Incidents</source>
        <extracomment>Source text, translated in the &quot;MainWindow&quot; context when shown. The pages, in navigation order. Append to it (before the window is built) to add one.</extracomment>
        <translation>الحوادث</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="67"/>
        <source>Sync</source>
        <translation>المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="69"/>
        <source>Audit</source>
        <translation>التدقيق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="71"/>
        <source>Staff</source>
        <translation>الفريق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="208"/>
        <source>FieldKit</source>
        <extracomment>Status-bar widgets ``(ctx, parent) -&gt; QWidget`` or ``&quot;module:Class&quot;``, shown while unlocked.</extracomment>
        <translation>FieldKit</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="209"/>
        <source>&amp;Vault</source>
        <translation>ال&amp;خزنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="210"/>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="211"/>
        <source>&amp;Lock now</source>
        <translation>ا&amp;قفل الآن</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="212"/>
        <source>&amp;New incident</source>
        <translation>حادثة &amp;جديدة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="213"/>
        <source>&amp;Auto-lock…</source>
        <translation>القفل ال&amp;تلقائي…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="214"/>
        <source>Panic &amp;wipe…</source>
        <translation>م&amp;سح طارئ…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="215"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="216"/>
        <source>Sections</source>
        <translation>الأقسام</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="240"/>
        <source>Unlocked: {path}</source>
        <translation>مفتوحة: ⁦{path}⁩</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="244"/>
        <source>Locked</source>
        <translation>مقفلة</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="178"/>
        <source>Language and files</source>
        <translation>اللغة والملفات</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="179"/>
        <source>The bundle lets anyone check the dossier offline: the signed records and the registry&apos;s proofs.</source>
        <translation>تتيح الحزمة لأي شخص التحقق من الملف دون اتصال: السجلات الموقّعة وإثباتات السجل المركزي.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="183"/>
        <source>Dossier language</source>
        <translation>لغة الملف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="191"/>
        <source>Dossier PDF file</source>
        <translation>ملف PDF للملف</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="194"/>
        <source>Verification bundle file</source>
        <translation>ملف حزمة التحقق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="195"/>
        <source>Also write the verification bundle</source>
        <translation>كتابة حزمة التحقق أيضاً</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="199"/>
        <source>Include evidence files in the bundle (otherwise they are listed by SHA-256 only)</source>
        <translation>تضمين ملفات الأدلة في الحزمة (وإلا تُدرج ببصمة SHA-256 فقط)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="206"/>
        <source>Prepared by</source>
        <translation>أعدّه</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="210"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="223"/>
        <source>Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="224"/>
        <source>Dossier (PDF):</source>
        <translation>الملف (PDF):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="225"/>
        <source>Save the dossier as</source>
        <translation>حفظ الملف باسم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="225"/>
        <source>PDF files (*.pdf)</source>
        <translation>ملفات PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="227"/>
        <source>Bundle (ZIP):</source>
        <translation>الحزمة (ZIP):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="228"/>
        <source>Save the bundle as</source>
        <translation>حفظ الحزمة باسم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="228"/>
        <source>ZIP files (*.zip)</source>
        <translation>ملفات ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="230"/>
        <source>Prepared by:</source>
        <translation>أعدّه:</translation>
    </message>
</context>
<context>
    <name>PanicWipeDialog</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="515"/>
        <source>Panic wipe</source>
        <translation>مسح طارئ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="517"/>
        <source>WIPE</source>
        <translation>امسح</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="519"/>
        <source>This destroys the vault&apos;s key at once: every incident, testimony and evidence file in this vault becomes unreadable for ever, and the recovery key will not bring it back. Records already synced stay at the registry.

Type {word} to confirm.</source>
        <translation>يُتلف هذا مفتاح الخزنة فوراً: كل حادثة وشهادة وملف دليل في هذه الخزنة يصبح غير مقروء إلى الأبد، ولن يعيده مفتاح الاسترداد. السجلات التي زُومنت من قبل تبقى في السجل المركزي.

اكتب {word} للتأكيد.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="528"/>
        <source>Type {word} to confirm</source>
        <translation>اكتب {word} للتأكيد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="533"/>
        <source>&amp;Wipe the vault</source>
        <translation>ا&amp;مسح الخزنة</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="133"/>
        <location filename="../../fieldkit/ui/persons.py" line="134"/>
        <source>Add a person</source>
        <translation>إضافة شخص</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="139"/>
        <source>Person {n}</source>
        <translation>الشخص {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="141"/>
        <source>Pseudonym (required)</source>
        <translation>الاسم المستعار (إلزامي)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="142"/>
        <source>How this person is named in every record and report. Do not use the real name here.</source>
        <translation>الاسم الذي يُذكر به هذا الشخص في كل سجل وتقرير. لا تستخدم الاسم الحقيقي هنا.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="146"/>
        <source>Pseudonym *</source>
        <translation>الاسم المستعار *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="157"/>
        <source>Roles</source>
        <translation>الأدوار</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="161"/>
        <location filename="../../fieldkit/ui/persons.py" line="166"/>
        <source>Gender</source>
        <translation>الجنس</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="162"/>
        <location filename="../../fieldkit/ui/persons.py" line="170"/>
        <source>Not recorded</source>
        <translation>غير مسجّل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Female</source>
        <translation>أنثى</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Male</source>
        <translation>ذكر</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Other</source>
        <translation>آخر</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="169"/>
        <location filename="../../fieldkit/ui/persons.py" line="174"/>
        <source>Age group</source>
        <translation>الفئة العمرية</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Child</source>
        <translation>طفل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Adult</source>
        <translation>بالغ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Older</source>
        <translation>مسنّ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="177"/>
        <source>Internal only — never shared outside the organisation (optional)</source>
        <translation>داخلي فقط — لا يُشارك أبداً خارج المنظمة (اختياري)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="180"/>
        <source>Internal only details</source>
        <translation>تفاصيل داخلية فقط</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="184"/>
        <location filename="../../fieldkit/ui/persons.py" line="187"/>
        <source>Real name (internal only)</source>
        <translation>الاسم الحقيقي (داخلي فقط)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="185"/>
        <source>Leave empty unless it is needed</source>
        <translation>اتركه فارغاً ما لم يكن ضرورياً</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="190"/>
        <location filename="../../fieldkit/ui/persons.py" line="192"/>
        <source>Contact (internal only)</source>
        <translation>وسيلة الاتصال (داخلي فقط)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="208"/>
        <source>The pseudonym is required.</source>
        <translation>الاسم المستعار إلزامي.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="209"/>
        <source>Give a name that does not identify the person, such as “Witness A”.</source>
        <translation>اختر اسماً لا يكشف هوية الشخص، مثل «الشاهد أ».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="232"/>
        <source>Adding a person</source>
        <translation>جارٍ إضافة الشخص</translation>
    </message>
</context>
<context>
    <name>Persons</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="115"/>
        <source>identity on file (internal only)</source>
        <translation>الهوية محفوظة (داخلي فقط)</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="413"/>
        <source>Recover the vault</source>
        <translation>استرداد الخزنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="417"/>
        <source>Recovery key</source>
        <translation>مفتاح الاسترداد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="419"/>
        <source>New passphrase</source>
        <translation>عبارة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="421"/>
        <source>Repeat the new passphrase</source>
        <translation>أعد كتابة عبارة المرور الجديدة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="422"/>
        <source>Recovery &amp;key:</source>
        <translation>&amp;مفتاح الاسترداد:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="423"/>
        <source>&amp;New passphrase:</source>
        <translation>عبارة المرور ال&amp;جديدة:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="424"/>
        <source>&amp;Repeat it:</source>
        <translation>أ&amp;عِدها:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="443"/>
        <source>The two passphrases differ.</source>
        <translation>العبارتان مختلفتان.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="460"/>
        <source>Recovering</source>
        <translation>جارٍ الاسترداد</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="295"/>
        <source>Write down your recovery key</source>
        <translation>اكتب مفتاح الاسترداد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="297"/>
        <source>If you forget your passphrase, this key is the only way back into the vault. Write it on paper and keep it somewhere safe, away from this computer. It will not be shown again.</source>
        <translation>إذا نسيت عبارة المرور، فهذا المفتاح هو الطريق الوحيد للعودة إلى الخزنة. اكتبه على ورق واحفظه في مكان آمن بعيداً عن هذا الحاسوب. لن يُعرض مرة أخرى.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="300"/>
        <source>I have &amp;written it down</source>
        <translation>لقد &amp;كتبته</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="301"/>
        <source>C&amp;ontinue</source>
        <translation>م&amp;تابعة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="302"/>
        <source>Recovery key</source>
        <translation>مفتاح الاسترداد</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="244"/>
        <source>Exporting</source>
        <translation>جارٍ التصدير</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="247"/>
        <source>Export progress</source>
        <translation>تقدّم التصدير</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="248"/>
        <source>Cancel export</source>
        <translation>إلغاء التصدير</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="253"/>
        <source>Export result</source>
        <translation>نتيجة التصدير</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="87"/>
        <location filename="../../fieldkit/ui/seal.py" line="88"/>
        <source>Seal this incident</source>
        <translation>ختم هذه الحادثة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="92"/>
        <source>Sealing signs the record below with this device&apos;s key. A sealed record can never be edited again; corrections are new revisions (Amend). The signature also covers this device&apos;s record number, its previous record, the revision this one amends and the time of sealing.</source>
        <translation>الختم يوقّع السجل أدناه بمفتاح هذا الجهاز. لا يمكن تعديل السجل المختوم أبداً؛ التصحيحات تكون نسخاً معدّلة جديدة («تعديل»). يشمل التوقيع أيضاً رقم السجل على هذا الجهاز، والسجل السابق، والنسخة التي يعدّلها، ووقت الختم.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="97"/>
        <source>Reading the record…</source>
        <translation>جارٍ قراءة السجل…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="99"/>
        <source>Signing key</source>
        <translation>مفتاح التوقيع</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="104"/>
        <source>The record that will be signed (canonical JSON)</source>
        <translation>السجل الذي سيُوقَّع (JSON قانوني)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="112"/>
        <source>Seal and sign</source>
        <translation>ختم وتوقيع</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="114"/>
        <source>Seal and sign this record</source>
        <translation>ختم هذا السجل وتوقيعه</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="117"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="143"/>
        <source>Preparing the seal</source>
        <translation>جارٍ تحضير الختم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="147"/>
        <source>Signed by this device&apos;s key {fingerprint} ({key_id}).</source>
        <translation>يوقّعه مفتاح هذا الجهاز ⁦{fingerprint}⁩ (⁦{key_id}⁩).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="150"/>
        <source>It amends the sealed record {id}.</source>
        <translation>تعدّل السجل المختوم ⁦{id}⁩.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="176"/>
        <source>Sealing</source>
        <translation>جارٍ الختم</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="80"/>
        <source>Which incidents?</source>
        <translation>أي حوادث؟</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="81"/>
        <source>Only sealed incidents go into a dossier, each in its newest revision.</source>
        <translation>لا يدخل الملف إلا الحوادث المختومة، كلٌّ في أحدث نسخة منها.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="84"/>
        <source>The {n} incidents selected</source>
        <translation>الحوادث المختارة ({n})</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="86"/>
        <source>Every sealed incident matching:</source>
        <translation>كل حادثة مختومة تطابق:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="96"/>
        <source>From date</source>
        <translation>من تاريخ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="97"/>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="101"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>YYYY أو YYYY-MM أو YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="100"/>
        <source>To date (inclusive)</source>
        <translation>إلى تاريخ (ضمناً)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="104"/>
        <source>Country (two-letter code)</source>
        <translation>البلد (رمز من حرفين)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="106"/>
        <source>e.g. FR</source>
        <translation>مثلاً FR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="109"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="110"/>
        <source>Any category</source>
        <translation>أي فئة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="117"/>
        <source>From:</source>
        <translation>من:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="118"/>
        <source>To:</source>
        <translation>إلى:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="119"/>
        <source>Country:</source>
        <translation>البلد:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="120"/>
        <source>Category:</source>
        <translation>الفئة:</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="45"/>
        <source>Staff</source>
        <extracomment>How many received incidents the table shows (newest first); the Incidents page has all.</extracomment>
        <translation>الفريق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="47"/>
        <source>Pull</source>
        <translation>سحب</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="49"/>
        <source>Pull new records from the registry</source>
        <translation>سحب السجلات الجديدة من السجل المركزي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="53"/>
        <source>Pull progress</source>
        <translation>تقدّم السحب</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="56"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="58"/>
        <source>Cancel the pull</source>
        <translation>إلغاء السحب</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="67"/>
        <source>Last pull report</source>
        <translation>تقرير آخر سحب</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="71"/>
        <source>Pull error</source>
        <translation>خطأ في السحب</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="78"/>
        <source>Sealed incidents in this vault</source>
        <translation>الحوادث المختومة في هذه الخزنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="79"/>
        <source>Occurred</source>
        <translation>تاريخ الوقوع</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="79"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="80"/>
        <source>Country</source>
        <translation>البلد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="80"/>
        <source>Category</source>
        <translation>الفئة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="81"/>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Record</source>
        <translation>السجل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="91"/>
        <location filename="../../fieldkit/ui/staff.py" line="318"/>
        <source>Export a dossier…</source>
        <translation>تصدير ملف…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="93"/>
        <source>Open the dossier export wizard</source>
        <translation>فتح معالج تصدير الملفات</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="101"/>
        <source>Exports made from this vault</source>
        <translation>عمليات التصدير من هذه الخزنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Audience</source>
        <translation>الجمهور</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Records</source>
        <translation>السجلات</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="104"/>
        <source>Reported to the registry</source>
        <translation>أُبلغ السجل المركزي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="113"/>
        <source>Records in quarantine</source>
        <translation>السجلات المعزولة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="118"/>
        <source>Pulled records in quarantine, with the reason for each</source>
        <translation>السجلات المسحوبة المعزولة، مع سبب عزل كل منها</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Device</source>
        <translation>الجهاز</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Why it is in quarantine</source>
        <translation>سبب العزل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="121"/>
        <source>First seen</source>
        <translation>أول ظهور</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="133"/>
        <source>Sealed incidents received</source>
        <translation>الحوادث المختومة المستلمة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="138"/>
        <source>Exports</source>
        <translation>عمليات التصدير</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="210"/>
        <source>Reading the incidents</source>
        <translation>جارٍ قراءة الحوادث</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="237"/>
        <source>{n} sealed incidents</source>
        <translation>{n} حادثة مختومة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="238"/>
        <source>Newest {shown} of {n} sealed incidents</source>
        <translation>أحدث {shown} من {n} حادثة مختومة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="243"/>
        <source>queued</source>
        <translation>في الانتظار</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="252"/>
        <source>It is damaged or forged: it is not a well-formed record.</source>
        <translation>السجل تالف أو مزوّر: ليس سجلاً سليم البنية.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="253"/>
        <source>It reached the registry unsealed, not sealed to the organisation&apos;s key.</source>
        <translation>وصل إلى السجل المركزي غير مختوم، أي غير مشفّر بمفتاح المنظمة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="255"/>
        <source>The device signature on it does not verify.</source>
        <translation>توقيع الجهاز عليه لا يجتاز التحقق.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="256"/>
        <source>The registry describes it differently from what its device signed.</source>
        <translation>يصفه السجل المركزي على نحو يختلف عمّا وقّعه جهازه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="258"/>
        <source>No organisation key in this vault opens it.</source>
        <translation>لا يوجد في هذه الخزنة مفتاح منظمة يفتحه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="259"/>
        <source>The registry gave no receipt for it: nothing shows it is in the log.</source>
        <translation>لم يقدّم السجل المركزي إيصالاً له: لا شيء يثبت أنه مدرج في سجل الشفافية.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="261"/>
        <source>Its receipt does not prove that it is in the log.</source>
        <translation>إيصاله لا يثبت أنه مدرج في سجل الشفافية.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="262"/>
        <source>Its receipt rests on a history of the log that contradicts this vault&apos;s.</source>
        <translation>يستند إيصاله إلى تاريخ لسجل الشفافية يناقض التاريخ الذي تعرفه هذه الخزنة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="264"/>
        <source>The log shows no enrolment of the device that signed it.</source>
        <translation>لا يُظهر سجل الشفافية أي تسجيل للجهاز الذي وقّعه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="265"/>
        <source>The proof of its device&apos;s enrolment does not hold.</source>
        <translation>إثبات تسجيل جهازه غير صحيح.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="266"/>
        <source>Its device is enrolled with a role that may not send records.</source>
        <translation>جهازه مسجّل بدور لا يحق له إرسال السجلات.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="268"/>
        <source>It was logged before its device was enrolled.</source>
        <translation>أُدرج في سجل الشفافية قبل تسجيل جهازه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="270"/>
        <source>Its device had been revoked before it was logged.</source>
        <translation>كان جهازه قد أُلغي قبل إدراجه في سجل الشفافية.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="271"/>
        <source>One of its files could not be fetched whole.</source>
        <translation>تعذّر جلب أحد ملفاته كاملاً.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="278"/>
        <source>No pulled record is in quarantine.</source>
        <translation>لا يوجد سجل مسحوب معزول.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="282"/>
        <source>{n} pulled records are in quarantine: the registry&apos;s log does not vouch for them, so they are in no list, search or export. Each pull checks them again.</source>
        <translation>{n} من السجلات المسحوبة معزولة: سجل الشفافية في السجل المركزي لا يضمنها، لذا لا تظهر في أي قائمة أو بحث أو تصدير. يُعاد فحصها عند كل سحب.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="314"/>
        <source>Only a staff vault, enrolled with a staff code and holding the organisation key, can pull records.</source>
        <translation>لا يسحب السجلات إلا خزنة موظف مسجّلة برمز موظف وتحمل مفتاح المنظمة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="317"/>
        <source>Export a dossier of {n} incidents…</source>
        <translation>تصدير ملف من {n} حادثة…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="333"/>
        <source>Pulling…</source>
        <translation>جارٍ السحب…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="356"/>
        <source>Cancelled. Every record already received was kept whole; pull again to continue.</source>
        <translation>أُلغي. حُفظ كل سجل استُلم كاملاً؛ اسحب مجدداً للمتابعة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="360"/>
        <source>Not pulled.</source>
        <translation>لم يتم السحب.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="368"/>
        <source>Pulling records</source>
        <translation>جارٍ سحب السجلات</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="284"/>
        <source>Organisation key</source>
        <translation>مفتاح المنظمة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="289"/>
        <source>Read this safety number to your organisation&apos;s staff by phone or in person, or let them scan the code. If it differs from theirs, do not sync: tell an administrator.</source>
        <translation>اقرأ رقم الأمان هذا لموظفي منظمتك عبر الهاتف أو وجهًا لوجه، أو دعهم يمسحون الرمز. إذا اختلف عن رقمهم فلا تُزامن، وأبلغ أحد المسؤولين.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="295"/>
        <source>Safety number of the organisation key</source>
        <translation>رقم الأمان لمفتاح المنظمة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="304"/>
        <source>QR code of the organisation key</source>
        <translation>رمز QR لمفتاح المنظمة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="436"/>
        <source>No organisation key yet: a monitor learns it at enrolment or on its first sync.</source>
        <translation>لا يوجد مفتاح للمنظمة بعد: يحصل عليه المراقب عند التسجيل أو عند أول مزامنة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="260"/>
        <source>Sync</source>
        <translation>المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="262"/>
        <source>Registry</source>
        <translation>السجل المركزي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="273"/>
        <source>Address:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="274"/>
        <source>This vault is:</source>
        <translation>هذه الخزنة:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="275"/>
        <source>Waiting to be sent:</source>
        <translation>بانتظار الإرسال:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="276"/>
        <source>Last sync:</source>
        <translation>آخر مزامنة:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="277"/>
        <source>Enrol this vault…</source>
        <translation>تسجيل هذه الخزنة…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="279"/>
        <source>Enrol this vault with a registry</source>
        <translation>تسجيل هذه الخزنة لدى سجل مركزي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="309"/>
        <location filename="../../fieldkit/ui/syncpanel.py" line="311"/>
        <location filename="../../fieldkit/ui/syncpanel.py" line="421"/>
        <source>Sync now</source>
        <translation>زامن الآن</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="313"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="315"/>
        <source>Cancel the sync</source>
        <translation>إلغاء المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="319"/>
        <source>Sync progress</source>
        <translation>تقدّم المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="329"/>
        <source>Last sync report</source>
        <translation>تقرير آخر مزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="333"/>
        <source>Sync error</source>
        <translation>خطأ في المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="340"/>
        <source>Sync log</source>
        <translation>سجل المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Time</source>
        <translation>الوقت</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Outcome</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Detail</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="355"/>
        <source>Sync log on this device</source>
        <translation>سجل المزامنة على هذا الجهاز</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="400"/>
        <source>Reading the sync log</source>
        <translation>جارٍ قراءة سجل المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="403"/>
        <source>a monitor&apos;s vault (sends sealed records)</source>
        <translation>خزنة راصد (ترسل السجلات المختومة)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="404"/>
        <source>a staff vault (receives records)</source>
        <translation>خزنة موظف (تستقبل السجلات)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="405"/>
        <source>an administrator&apos;s vault</source>
        <translation>خزنة مسؤول</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="408"/>
        <source>Not enrolled</source>
        <translation>غير مسجّلة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="413"/>
        <source>{n} sealed records</source>
        <translation>{n} سجل مختوم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="417"/>
        <source>never</source>
        <translation>أبداً</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="420"/>
        <source>Pull now</source>
        <translation>اسحب الآن</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="466"/>
        <source>Syncing…</source>
        <translation>جارٍ المزامنة…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="493"/>
        <source>Not synced.</source>
        <translation>لم تتم المزامنة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="499"/>
        <source>Syncing</source>
        <translation>جارٍ المزامنة</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="60"/>
        <source>never</source>
        <extracomment>How often the status bar asks the registry whether it is up (ms). How many sync log lines the page shows.</extracomment>
        <translation>أبداً</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="74"/>
        <source>Received {records} records and {files} files ({size}).</source>
        <translation>استُلم {records} سجلاً و{files} ملفاً (⁦{size}⁩).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="79"/>
        <source>Sent {records} records and {files} files ({size}); each has a verified receipt.</source>
        <translation>أُرسل {records} سجلاً و{files} ملفاً (⁦{size}⁩)؛ لكلٍّ منها إيصال مُتحقق منه.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="84"/>
        <source>{n} retries.</source>
        <translation>المحاولات المعادة: {n}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="90"/>
        <source>Cancelled. Records already sent keep their receipts; the rest stay queued and nothing half-stored was kept.</source>
        <translation>أُلغي. تحتفظ السجلات المرسلة بإيصالاتها؛ يبقى الباقي في الانتظار ولم يُحفظ شيء منقوص.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="153"/>
        <source>Sync status</source>
        <translation>حالة المزامنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="221"/>
        <source>Checking the registry</source>
        <translation>جارٍ فحص السجل المركزي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="231"/>
        <source>Not enrolled</source>
        <translation>غير مسجّلة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="234"/>
        <source>This vault is not connected to a registry.</source>
        <translation>هذه الخزنة غير متصلة بسجل مركزي.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="237"/>
        <source>Registry distrusted</source>
        <translation>السجل المركزي غير موثوق</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="239"/>
        <source>Checking…</source>
        <translation>جارٍ الفحص…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="241"/>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="243"/>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="246"/>
        <source>Queue: {n}</source>
        <translation>في الانتظار: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="247"/>
        <source>Last receipt: {when}</source>
        <translation>آخر إيصال: ⁦{when}⁩</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="261"/>
        <source>Working</source>
        <extracomment>How often the GUI reads a running task&apos;s progress (ms).</extracomment>
        <translation>جارٍ العمل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="263"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="264"/>
        <source>Progress</source>
        <translation>التقدّم</translation>
    </message>
</context>
<context>
    <name>TestimonyDialog</name>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="74"/>
        <location filename="../../fieldkit/ui/testimony.py" line="75"/>
        <source>Add a testimony</source>
        <extracomment>Languages offered for a testimony, by their own names (so no translation is needed).</extracomment>
        <translation>إضافة شهادة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="82"/>
        <source>Witness: pick a person or type a new pseudonym</source>
        <translation>الشاهد: اختر شخصاً أو اكتب اسماً مستعاراً جديداً</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="92"/>
        <source>Witness {n}</source>
        <translation>الشاهد {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="93"/>
        <source>A pseudonym, never the real name.</source>
        <translation>اسم مستعار، وليس الاسم الحقيقي أبداً.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="94"/>
        <source>Witness (pseudonym)</source>
        <translation>الشاهد (اسم مستعار)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="98"/>
        <source>Language of the testimony</source>
        <translation>لغة الشهادة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="103"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="109"/>
        <source>Internal</source>
        <translation>داخلي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="110"/>
        <source>Only our organisation&apos;s staff may read it.</source>
        <translation>لا يطّلع عليها إلا موظفو منظمتنا.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="111"/>
        <source>Partners</source>
        <translation>الشركاء</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="112"/>
        <source>Trusted partner organisations may read it too.</source>
        <translation>يجوز للمنظمات الشريكة الموثوقة الاطلاع عليها أيضاً.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="113"/>
        <source>Public</source>
        <translation>عام</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="114"/>
        <source>It may be published, under the witness&apos;s pseudonym.</source>
        <translation>يجوز نشرها باسم الشاهد المستعار.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="119"/>
        <source>Consent: {level}</source>
        <translation>الموافقة: {level}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="131"/>
        <source>Consent given</source>
        <translation>الموافقة المعطاة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="135"/>
        <source>Testimony text</source>
        <translation>نص الشهادة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="137"/>
        <source>Testimony</source>
        <translation>الشهادة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="140"/>
        <location filename="../../fieldkit/ui/testimony.py" line="196"/>
        <source>No audio</source>
        <translation>لا تسجيل صوتي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="142"/>
        <source>Attach audio file…</source>
        <translation>إرفاق ملف صوتي…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="144"/>
        <location filename="../../fieldkit/ui/testimony.py" line="202"/>
        <source>Attach an audio file</source>
        <translation>إرفاق ملف صوتي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="146"/>
        <source>Record</source>
        <translation>تسجيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="148"/>
        <source>Record audio</source>
        <translation>تسجيل صوتي</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="152"/>
        <source>Recording needs Qt Multimedia and a microphone, which this computer does not have. Attach an audio file instead.</source>
        <translation>يحتاج التسجيل إلى Qt Multimedia وميكروفون، وهما غير متوفرين على هذا الحاسوب. أرفق ملفاً صوتياً بدلاً من ذلك.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="158"/>
        <source>Audio</source>
        <translation>الصوت</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="163"/>
        <source>Saving progress</source>
        <translation>تقدّم الحفظ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="165"/>
        <source>Cancel import</source>
        <translation>إلغاء الاستيراد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="226"/>
        <source>Stop recording</source>
        <translation>إيقاف التسجيل</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="227"/>
        <source>Recording…</source>
        <translation>جارٍ التسجيل…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="230"/>
        <source>Record again</source>
        <translation>تسجيل من جديد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="248"/>
        <source>Name the witness by a pseudonym.</source>
        <translation>سمِّ الشاهد باسم مستعار.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="249"/>
        <source>Pick a person or type a new pseudonym such as “Witness A”.</source>
        <translation>اختر شخصاً أو اكتب اسماً مستعاراً جديداً مثل «الشاهد أ».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="253"/>
        <source>The testimony is empty.</source>
        <translation>الشهادة فارغة.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="254"/>
        <source>Type the testimony or attach its audio.</source>
        <translation>اكتب الشهادة أو أرفق تسجيلها الصوتي.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="282"/>
        <source>Saving the testimony</source>
        <translation>جارٍ حفظ الشهادة</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="355"/>
        <source>Unlock the vault</source>
        <translation>فتح الخزنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="356"/>
        <source>Vault: {path}</source>
        <translation>الخزنة: ⁦{path}⁩</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="357"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;عبارة المرور:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="358"/>
        <source>Passphrase</source>
        <translation>عبارة المرور</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="359"/>
        <source>&amp;Unlock</source>
        <translation>&amp;فتح</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="360"/>
        <source>Forgot it? Use the &amp;recovery key…</source>
        <translation>نسيتها؟ استخدم مفتاح الا&amp;سترداد…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="399"/>
        <source>Unlocking</source>
        <translation>جارٍ الفتح</translation>
    </message>
</context>
<context>
    <name>WhenEdit</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="235"/>
        <source>Exact time</source>
        <translation>وقت محدد</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="235"/>
        <source>Day</source>
        <translation>يوم</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="236"/>
        <source>Month</source>
        <translation>شهر</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="236"/>
        <source>Year</source>
        <translation>سنة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="237"/>
        <source>About (approximate)</source>
        <translation>تقريباً</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="237"/>
        <source>Range</source>
        <translation>فترة</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="242"/>
        <source>to</source>
        <translation>إلى</translation>
    </message>
</context>
</TS>
