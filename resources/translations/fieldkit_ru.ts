<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>ActDialog</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="250"/>
        <location filename="../../fieldkit/ui/persons.py" line="251"/>
        <source>Add an act</source>
        <translation>Добавить действие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="258"/>
        <location filename="../../fieldkit/ui/persons.py" line="263"/>
        <source>Act type</source>
        <translation>Тип действия</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="267"/>
        <location filename="../../fieldkit/ui/persons.py" line="275"/>
        <source>Victims</source>
        <translation>Пострадавшие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="279"/>
        <source>Perpetrators and their involvement</source>
        <translation>Виновные и их роль</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="280"/>
        <source>Perpetrator</source>
        <translation>Виновный</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="281"/>
        <source>Involvement</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="292"/>
        <source>Involvement of {who}</source>
        <translation>Роль: {who}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="298"/>
        <source>Perpetrators</source>
        <translation>Виновные</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="300"/>
        <source>Add the persons involved first (victims, perpetrators).</source>
        <translation>Сначала добавьте причастных лиц (пострадавших, виновных).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="306"/>
        <source>What happened in this act</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="308"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="355"/>
        <source>Adding an act</source>
        <translation>Добавление действия</translation>
    </message>
</context>
<context>
    <name>AudiencePage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="136"/>
        <source>Who will read it?</source>
        <translation>Кто будет читать?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="137"/>
        <source>The audience decides what the dossier and its bundle leave out. Nothing removed can be recovered from them.</source>
        <translation>От аудитории зависит, что будет исключено из досье и пакета. Удалённое из них восстановить нельзя.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="140"/>
        <source>Internal (our organisation)</source>
        <translation>Внутренняя (наша организация)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="141"/>
        <source>Everything: names and contacts of people, every testimony, the GPS position of evidence.</source>
        <translation>Всё: имена и контакты людей, все показания, GPS-координаты доказательств.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="143"/>
        <source>Partners</source>
        <translation>Партнёры</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="144"/>
        <source>Leaves out incidents not cleared for partners and testimonies given without consent to share with partners. People appear by pseudonym only: no names, no contacts.</source>
        <translation>Исключает инциденты, не разрешённые для партнёров, и показания без согласия на передачу партнёрам. Люди указаны только под псевдонимами: без имён и контактов.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="147"/>
        <source>Public</source>
        <translation>Публичный</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="148"/>
        <source>Only incidents and testimonies cleared for publication; people by pseudonym only; the GPS position of evidence is removed too.</source>
        <translation>Только инциденты и показания, разрешённые к публикации; люди только под псевдонимами; GPS-координаты доказательств тоже удаляются.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="68"/>
        <source>Audit</source>
        <extracomment>The registry&apos;s request names (route names), offered in the action filter.</extracomment>
        <translation>Аудит</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="81"/>
        <source>Registry audit log</source>
        <translation>Журнал аудита реестра</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="82"/>
        <location filename="../../fieldkit/ui/audit.py" line="211"/>
        <source>Sync log on this device</source>
        <translation>Журнал синхронизации на этом устройстве</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="83"/>
        <source>Log checkpoint</source>
        <translation>Контрольная точка журнала</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="96"/>
        <source>Filter by device</source>
        <translation>Фильтр по устройству</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="98"/>
        <location filename="../../fieldkit/ui/audit.py" line="349"/>
        <location filename="../../fieldkit/ui/audit.py" line="400"/>
        <source>Any device</source>
        <translation>Любое устройство</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="101"/>
        <source>Filter by action</source>
        <translation>Фильтр по действию</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="102"/>
        <source>Any action</source>
        <translation>Любое действие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="107"/>
        <source>Filter by outcome</source>
        <translation>Фильтр по результату</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="108"/>
        <source>Any outcome</source>
        <translation>Любой результат</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>ok</source>
        <translation>успешно</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>refused</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="109"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="113"/>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="117"/>
        <source>From date (UTC)</source>
        <translation>С даты (UTC)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="118"/>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="122"/>
        <source>To date, inclusive (UTC)</source>
        <translation>По дату включительно (UTC)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="130"/>
        <location filename="../../fieldkit/ui/audit.py" line="132"/>
        <source>Apply filters</source>
        <translation>Применить фильтры</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="136"/>
        <source>Device:</source>
        <translation>Устройство:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="138"/>
        <source>Action:</source>
        <translation>Действие:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="140"/>
        <source>Outcome:</source>
        <translation>Результат:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="150"/>
        <source>Registry audit events</source>
        <translation>События аудита реестра</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>#</source>
        <translation>№</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="152"/>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="153"/>
        <source>Path</source>
        <translation>Путь</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="161"/>
        <source>Previous page</source>
        <translation>Предыдущая страница</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="165"/>
        <source>Next page</source>
        <translation>Следующая страница</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="169"/>
        <source>Export this page…</source>
        <translation>Экспортировать страницу…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="171"/>
        <source>Export this page as CSV</source>
        <translation>Экспортировать страницу в CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="173"/>
        <source>Export all matching…</source>
        <translation>Экспортировать все найденные…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="176"/>
        <source>Export every matching event as CSV</source>
        <translation>Экспортировать все подходящие события в CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="180"/>
        <source>Export progress</source>
        <translation>Ход экспорта</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="182"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="196"/>
        <source>Audit log status</source>
        <translation>Состояние журнала аудита</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="154"/>
        <location filename="../../fieldkit/ui/audit.py" line="213"/>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="159"/>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="163"/>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="227"/>
        <source>Checkpoint verification</source>
        <translation>Проверка контрольной точки</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="238"/>
        <source>Status:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="239"/>
        <source>Log:</source>
        <translation>Журнал:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="240"/>
        <source>Entries (size):</source>
        <translation>Записей (размер):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="241"/>
        <source>Root hash:</source>
        <translation>Корневой хеш:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="242"/>
        <source>Consistency verified at:</source>
        <translation>Согласованность проверена:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="309"/>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="311"/>
        <source>Reading the audit log</source>
        <translation>Чтение журнала аудита</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="343"/>
        <source>Reading the sync log</source>
        <translation>Чтение журнала синхронизации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="353"/>
        <source>(revoked)</source>
        <translation>(отозвано)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="378"/>
        <source>Events {first}–{last}</source>
        <translation>События {first}–{last}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="381"/>
        <source>No events match these filters.</source>
        <translation>Нет событий, подходящих под фильтры.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="389"/>
        <source>Page {n}</source>
        <translation>Страница {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="437"/>
        <source>Save the audit log as CSV</source>
        <translation>Сохранить журнал аудита в CSV</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="438"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="472"/>
        <source>Saved {n} events to {path}.</source>
        <translation>Сохранено событий: {n} в {path}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="479"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Экспорт отменён; файл не записан.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="485"/>
        <source>Exporting the audit log</source>
        <translation>Экспорт журнала аудита</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="498"/>
        <source>Does NOT verify: {why}</source>
        <translation>НЕ проходит проверку: {why}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="504"/>
        <source>No checkpoint yet: sync once.</source>
        <translation>Контрольной точки ещё нет: выполните синхронизацию.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="509"/>
        <source>Registry distrusted: {why}</source>
        <translation>Реестру нет доверия: {why}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/audit.py" line="514"/>
        <source>Verified: signed by the pinned log key and consistent with the {n} checkpoints kept before it.</source>
        <translation>Проверено: подписано закреплённым ключом журнала и согласуется с сохранёнными ранее контрольными точками ({n}).</translation>
    </message>
</context>
<context>
    <name>AutoLockDialog</name>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="82"/>
        <source>Auto-lock</source>
        <translation>Автоблокировка</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="89"/>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="90"/>
        <source>Lock after idle minutes</source>
        <translation>Блокировать после минут бездействия</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/autolock.py" line="91"/>
        <source>Lock after this many idle &amp;minutes (0: never):</source>
        <translation>Блокировать после стольких &amp;минут бездействия (0 — никогда):</translation>
    </message>
</context>
<context>
    <name>CategoryCombo</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="211"/>
        <source>Choose a category</source>
        <translation>Выберите категорию</translation>
    </message>
</context>
<context>
    <name>CountryCombo</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="156"/>
        <source>Type to search for a country</source>
        <extracomment>Codes Qt knows that are not countries.</extracomment>
        <translation>Начните вводить название страны</translation>
    </message>
</context>
<context>
    <name>CreateVaultPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="182"/>
        <source>Create your vault</source>
        <translation>Создайте хранилище</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="184"/>
        <source>Everything you record is encrypted on this computer with a key protected by your passphrase. Choose several words you can remember; nobody can reset it.</source>
        <translation>Всё, что вы записываете, шифруется на этом компьютере ключом, защищённым вашей парольной фразой. Выберите несколько слов, которые вы запомните: сбросить её никто не сможет.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="186"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="187"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторите:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="188"/>
        <source>Also set a &amp;duress passphrase</source>
        <translation>Задать также фразу &amp;принуждения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="189"/>
        <source>D&amp;uress passphrase:</source>
        <translation>Фраза при&amp;нуждения:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="191"/>
        <source>Typed instead of the real passphrase, it silently destroys this vault and opens an empty one.</source>
        <translation>Если ввести её вместо настоящей, она незаметно уничтожит это хранилище и откроет пустое.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="193"/>
        <source>&amp;Create vault</source>
        <translation>&amp;Создать хранилище</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="194"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="195"/>
        <source>Repeat the passphrase</source>
        <translation>Повторите парольную фразу</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="196"/>
        <source>Duress passphrase</source>
        <translation>Фраза принуждения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="197"/>
        <source>Passphrase strength</source>
        <translation>Надёжность парольной фразы</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="204"/>
        <source>Too short: use at least {n} characters, better several words.</source>
        <translation>Слишком коротко: не менее {n} символов, лучше несколько слов.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="206"/>
        <source>Weak: add more words.</source>
        <translation>Слабая: добавьте слова.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="207"/>
        <source>Fair: one or two more words would help.</source>
        <translation>Средняя: ещё одно-два слова не помешают.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="208"/>
        <source>Good.</source>
        <translation>Хорошая.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="209"/>
        <source>Strong.</source>
        <translation>Надёжная.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="232"/>
        <source>The two passphrases differ.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="233"/>
        <source>Type the same passphrase twice.</source>
        <translation>Введите одну и ту же фразу дважды.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="255"/>
        <source>Creating the vault</source>
        <translation>Создание хранилища</translation>
    </message>
</context>
<context>
    <name>CustodyTimeline</name>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="51"/>
        <location filename="../../fieldkit/ui/custody.py" line="53"/>
        <source>Chain of custody</source>
        <extracomment>Actions offered (any other text may be typed).</extracomment>
        <translation>Цепочка хранения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="56"/>
        <source>Custody events, oldest first</source>
        <translation>События хранения, сначала старые</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="58"/>
        <source>By</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="59"/>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="59"/>
        <source>Sealed record</source>
        <translation>Опечатанная запись</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="63"/>
        <source>Custody action</source>
        <translation>Действие с доказательством</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>transferred</source>
        <translation>передано</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>copied</source>
        <translation>скопировано</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="65"/>
        <source>verified</source>
        <translation>проверено</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>viewed</source>
        <translation>просмотрено</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>handed over</source>
        <translation>вручено</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="66"/>
        <source>stored</source>
        <translation>помещено на хранение</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="71"/>
        <source>Custody note</source>
        <translation>Примечание о хранении</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="72"/>
        <source>To whom, where, why</source>
        <translation>Кому, где, зачем</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="74"/>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="76"/>
        <source>Add a custody event (sealed at once)</source>
        <translation>Добавить событие хранения (опечатывается сразу)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="124"/>
        <source>Chain of custody: {error}</source>
        <translation>Цепочка хранения: {error}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="127"/>
        <source>Reading the chain of custody</source>
        <translation>Чтение цепочки хранения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="135"/>
        <source>this device</source>
        <translation>это устройство</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="139"/>
        <source>in the record</source>
        <translation>в записи</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="154"/>
        <source>Say what happened to the evidence.</source>
        <translation>Укажите, что произошло с доказательством.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="155"/>
        <source>For example: handed over, copied.</source>
        <translation>Например: вручено, скопировано.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/custody.py" line="171"/>
        <source>Sealing a custody event</source>
        <translation>Опечатывание события</translation>
    </message>
</context>
<context>
    <name>DossierWizard</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="284"/>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="285"/>
        <source>Export a dossier</source>
        <translation>Экспорт досье</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="329"/>
        <source>Selecting, verifying and rendering…</source>
        <translation>Отбор, проверка и вёрстка…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="358"/>
        <source>Cancelled. No file was written.</source>
        <translation>Отменено. Файл не записан.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="360"/>
        <source>The dossier was not written.</source>
        <translation>Досье не записано.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="366"/>
        <source>Exporting the dossier</source>
        <translation>Экспорт досье</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="372"/>
        <source>Dossier: {path} ({pages} pages, {n} incidents)</source>
        <translation>Досье: {path} (страниц: {pages}, инцидентов: {n})</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="375"/>
        <source>Bundle: {path}</source>
        <translation>Пакет: {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="376"/>
        <source>Contents digest (printed in the dossier): {digest}</source>
        <translation>Хеш содержимого (напечатан в досье): {digest}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="378"/>
        <source>Anyone can check it with: fieldkit verify {bundle} --dossier {pdf}</source>
        <translation>Проверить может любой: fieldkit verify {bundle} --dossier {pdf}</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="97"/>
        <source>Enrol this vault</source>
        <extracomment>A photo of a QR code is a few MiB at most; refuse anything far larger before decoding.</extracomment>
        <translation>Зарегистрировать хранилище</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="98"/>
        <source>Enrol this vault with a registry</source>
        <translation>Зарегистрировать хранилище в реестре</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="101"/>
        <source>Paste the enrolment code an administrator gave you (it starts with FKE1.), or open a photo of its QR code.</source>
        <translation>Вставьте код регистрации от администратора (начинается с FKE1.) или откройте фото его QR-кода.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="106"/>
        <source>Enrolment code</source>
        <translation>Код регистрации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="110"/>
        <source>Open QR image…</source>
        <translation>Открыть изображение QR…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="112"/>
        <source>Open a QR code image</source>
        <translation>Открыть изображение QR-кода</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="116"/>
        <source>Name of this device</source>
        <translation>Имя этого устройства</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="117"/>
        <source>e.g. field laptop 3</source>
        <translation>напр. полевой ноутбук 3</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="123"/>
        <source>&amp;Code:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="126"/>
        <source>Device &amp;name:</source>
        <translation>&amp;Имя устройства:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="130"/>
        <source>Enrolment error</source>
        <translation>Ошибка регистрации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="136"/>
        <source>Enrolment result</source>
        <translation>Результат регистрации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="142"/>
        <source>&amp;Enrol</source>
        <translation>&amp;Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="145"/>
        <source>Enrol</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="183"/>
        <source>Open the enrolment QR image</source>
        <translation>Открыть изображение QR для регистрации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="184"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;All files (*)</source>
        <translation>Изображения (*.png *.jpg *.jpeg *.bmp *.gif *.webp);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="208"/>
        <source>Reading the QR code</source>
        <translation>Чтение QR-кода</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="235"/>
        <source>monitor</source>
        <translation>наблюдатель</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="235"/>
        <source>staff</source>
        <translation>сотрудник</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="236"/>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="238"/>
        <source>Enrolled as {role} with {url}.
Pinned certificate fingerprint (SHA-256):
{fingerprint}
This device: {key}</source>
        <translation>Зарегистрировано как {role} в {url}.
Отпечаток закреплённого сертификата (SHA-256):
{fingerprint}
Это устройство: {key}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/enroll.py" line="255"/>
        <source>Enrolling</source>
        <translation>Регистрация</translation>
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
        <translation>Код ошибки: {code}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/errors.py" line="33"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>EvidenceImportDialog</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="165"/>
        <location filename="../../fieldkit/ui/evidence.py" line="166"/>
        <source>Import evidence</source>
        <translation>Импорт доказательства</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="175"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="178"/>
        <source>Evidence description</source>
        <translation>Описание доказательства</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="180"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="183"/>
        <source>Captured at (optional)</source>
        <translation>Время съёмки (необязательно)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="186"/>
        <source>Captured at</source>
        <translation>Время съёмки</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="190"/>
        <source>Latitude (optional)</source>
        <translation>Широта (необязательно)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="191"/>
        <source>latitude, e.g. 43.2389</source>
        <translation>широта, напр. 43.2389</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="194"/>
        <source>Longitude (optional)</source>
        <translation>Долгота (необязательно)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="195"/>
        <source>longitude, e.g. 76.8897</source>
        <translation>долгота, напр. 76.8897</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="199"/>
        <source>GPS</source>
        <translation>GPS</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="203"/>
        <source>Import progress</source>
        <translation>Ход импорта</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="206"/>
        <source>Ready to import. The file is encrypted into the vault; the original is not changed.</source>
        <translation>Готово к импорту. Файл шифруется в хранилище; оригинал не изменяется.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="212"/>
        <source>SHA-256 of the imported file</source>
        <translation>SHA-256 импортированного файла</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="219"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="223"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="225"/>
        <source>Cancel the import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="227"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="254"/>
        <source>GPS needs both a latitude and a longitude, as decimal degrees.</source>
        <translation>Для GPS нужны широта и долгота в десятичных градусах.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="256"/>
        <source>For example 43.2389 and 76.8897.</source>
        <translation>Например, 43.2389 и 76.8897.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="268"/>
        <source>Importing {name}…</source>
        <translation>Импорт {name}…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="277"/>
        <source>Importing evidence</source>
        <translation>Импорт доказательства</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="287"/>
        <source>Imported and encrypted. SHA-256:</source>
        <translation>Импортировано и зашифровано. SHA-256:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="290"/>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="305"/>
        <source>Import cancelled: nothing was added to the vault.</source>
        <translation>Импорт отменён: в хранилище ничего не добавлено.</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="383"/>
        <source>Evidence</source>
        <extracomment>A file import dialog opened (tests drive it; the editor does not need it). The incident after a file was added to it.</extracomment>
        <translation>Доказательства</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="387"/>
        <source>Evidence files (drop files here to import them)</source>
        <translation>Файлы доказательств (перетащите файлы сюда для импорта)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="390"/>
        <source>Import file…</source>
        <translation>Импортировать файл…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="392"/>
        <source>Import an evidence file</source>
        <translation>Импортировать файл доказательства</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="415"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="451"/>
        <source>Save the draft first, then import files or drop them on the list.</source>
        <translation>Сначала сохраните черновик, затем импортируйте файлы или перетащите их в список.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="454"/>
        <source>Sealed: no files can be added. Custody events can.</source>
        <translation>Опечатано: файлы добавить нельзя, события хранения — можно.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="456"/>
        <source>Or drop files on the list.</source>
        <translation>Или перетащите файлы в список.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="484"/>
        <source>Import evidence files</source>
        <translation>Импорт файлов доказательств</translation>
    </message>
</context>
<context>
    <name>EvidencePreview</name>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="113"/>
        <source>Preview</source>
        <extracomment>Images larger than this are not previewed (they would be decrypted into memory whole). Previews are scaled to fit this square.</extracomment>
        <translation>Просмотр</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="122"/>
        <source>No preview for this type of file.</source>
        <translation>Для этого типа файлов просмотр недоступен.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="125"/>
        <source>Decrypting the preview…</source>
        <translation>Расшифровка для просмотра…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/evidence.py" line="144"/>
        <source>Decrypting a preview</source>
        <translation>Расшифровка для просмотра</translation>
    </message>
</context>
<context>
    <name>IncidentEditor</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="338"/>
        <source>Incident editor</source>
        <translation>Редактор инцидента</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="347"/>
        <source>Record state</source>
        <translation>Состояние записи</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="351"/>
        <source>Save draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="352"/>
        <source>Save the draft</source>
        <translation>Сохранить черновик</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="353"/>
        <source>Seal…</source>
        <translation>Опечатать…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="354"/>
        <source>Seal this incident (sign it; it cannot be edited afterwards)</source>
        <translation>Опечатать инцидент (подписать; после этого его нельзя изменить)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="356"/>
        <source>Amend</source>
        <translation>Исправить</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="357"/>
        <location filename="../../fieldkit/ui/editor.py" line="602"/>
        <source>Start a new revision of this sealed record</source>
        <translation>Начать новую редакцию этой опечатанной записи</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="359"/>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="360"/>
        <source>Close the editor</source>
        <translation>Закрыть редактор</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="364"/>
        <source>Annotations</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="384"/>
        <source>Internal</source>
        <translation>Внутренний</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="384"/>
        <source>Only our organisation&apos;s staff</source>
        <translation>Только сотрудники нашей организации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="385"/>
        <source>Partners</source>
        <translation>Партнёры</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="385"/>
        <source>Staff and trusted partners</source>
        <translation>Сотрудники и доверенные партнёры</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="386"/>
        <source>Public</source>
        <translation>Публичный</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="386"/>
        <source>May be published</source>
        <translation>Можно публиковать</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="391"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="392"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="393"/>
        <source>Date precision</source>
        <translation>Точность даты</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="394"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="395"/>
        <source>End date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="396"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="397"/>
        <location filename="../../fieldkit/ui/editor.py" line="410"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="398"/>
        <location filename="../../fieldkit/ui/editor.py" line="411"/>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="400"/>
        <location filename="../../fieldkit/ui/editor.py" line="412"/>
        <source>Confidentiality</source>
        <translation>Конфиденциальность</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="406"/>
        <source>Title *</source>
        <translation>Название *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="407"/>
        <source>Category *</source>
        <translation>Категория *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="408"/>
        <source>When *</source>
        <translation>Когда *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="409"/>
        <source>Country *</source>
        <translation>Страна *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="417"/>
        <source>Persons (by pseudonym)</source>
        <translation>Лица (под псевдонимами)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="418"/>
        <source>Add person…</source>
        <translation>Добавить лицо…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="419"/>
        <source>Add a person</source>
        <translation>Добавить лицо</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="420"/>
        <location filename="../../fieldkit/ui/editor.py" line="429"/>
        <source>Acts</source>
        <translation>Действия</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="421"/>
        <source>Add act…</source>
        <translation>Добавить действие…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="422"/>
        <source>Add an act</source>
        <translation>Добавить действие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="425"/>
        <source>Persons are shown by pseudonym. Real names are optional and internal only.</source>
        <translation>Лица указываются под псевдонимами. Настоящие имена необязательны и только для внутреннего пользования.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="434"/>
        <location filename="../../fieldkit/ui/editor.py" line="450"/>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="435"/>
        <source>Add testimony…</source>
        <translation>Добавить показания…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="436"/>
        <source>Add a testimony</source>
        <translation>Добавить показания</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="448"/>
        <source>Incident</source>
        <translation>Инцидент</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="449"/>
        <source>Persons and acts</source>
        <translation>Лица и действия</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="451"/>
        <source>Evidence</source>
        <translation>Доказательства</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="471"/>
        <source>Opening…</source>
        <translation>Открытие…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="550"/>
        <source>Opening the incident</source>
        <translation>Открытие инцидента</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="569"/>
        <source>The vault is locked.</source>
        <translation>Хранилище заблокировано.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="603"/>
        <source>Another device sealed this record: only that device may amend it.</source>
        <translation>Эту запись запечатало другое устройство: изменить её может только оно.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="645"/>
        <source>{kind}: victims {victims}; perpetrators {perps}</source>
        <translation>{kind}: пострадавшие {victims}; виновные {perps}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="659"/>
        <source>Annotations sealed beside this record (they do not change it):</source>
        <translation>Примечания, запечатанные рядом с этой записью (они её не меняют):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="660"/>
        <source>{at}, by device {device}: {text}</source>
        <translation>{at}, устройство {device}: {text}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="669"/>
        <source>New incident — not saved yet.</source>
        <translation>Новый инцидент — ещё не сохранён.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="672"/>
        <source>Conflict — record {id} claims to amend {prev}, which it may not replace: only the device that sealed a record may amend it, and only within the same incident. It is kept but replaces nothing; {prev} stays current.</source>
        <translation>Конфликт — запись {id} выдаёт себя за исправление {prev}, но не может её заменить: исправлять запись может только запечатавшее её устройство и только в пределах того же инцидента. Она сохранена, но ничего не заменяет; {prev} остаётся действующей.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="679"/>
        <source>Two revisions — the device that sealed {id} also sealed another current revision of this incident ({others}). Both are kept; exports ask you to choose one by its record id.</source>
        <translation>Две редакции — устройство, запечатавшее {id}, запечатало и другую действующую редакцию этого инцидента ({others}). Обе сохранены; при экспорте нужно выбрать одну по идентификатору записи.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="686"/>
        <source>Sealed and superseded — record {id}, sealed {at}. A newer revision replaces it: {new}.</source>
        <translation>Опечатан и заменён — запись {id}, опечатана {at}. Её заменяет более новая редакция: {new}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="692"/>
        <source>Sealed by another device — record {id}, sealed {at}. Read-only: only the device that sealed it may amend it; annotate it to add a correction beside it.</source>
        <translation>Запечатано другим устройством — запись {id}, запечатана {at}. Только чтение: исправить её может только запечатавшее устройство; добавьте примечание, чтобы поместить исправление рядом.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="698"/>
        <source>Sealed — record {id}, sealed {at}. Read-only: use Amend to correct it.</source>
        <translation>Опечатан — запись {id}, опечатана {at}. Только чтение: для исправления используйте «Исправить».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="703"/>
        <source>Draft {id} — not sealed yet; you can still edit it.</source>
        <translation>Черновик {id} — ещё не опечатан; его можно редактировать.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="706"/>
        <source>It amends the sealed record {id}.</source>
        <translation>Исправляет опечатанную запись {id}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="708"/>
        <source>{n} record(s) of other devices claim to amend this one; they replace nothing.</source>
        <translation>Записей других устройств, выдающих себя за исправление этой: {n}; они ничего не заменяют.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="726"/>
        <source>Choose a category.</source>
        <translation>Выберите категорию.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="727"/>
        <source>Pick the category that fits best; it can be changed until the record is sealed.</source>
        <translation>Выберите наиболее подходящую категорию; её можно менять до опечатывания.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="731"/>
        <source>Choose the country where it happened.</source>
        <translation>Выберите страну, где это произошло.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="732"/>
        <source>Type part of the country&apos;s name to find it.</source>
        <translation>Введите часть названия страны.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="771"/>
        <source>Saving the incident</source>
        <translation>Сохранение инцидента</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="846"/>
        <source>Starting a revision</source>
        <translation>Новая редакция</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="861"/>
        <location filename="../../fieldkit/ui/editor.py" line="866"/>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="862"/>
        <source>Save the changes to this draft?</source>
        <translation>Сохранить изменения в черновике?</translation>
    </message>
</context>
<context>
    <name>IncidentModel</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="58"/>
        <source>Title</source>
        <extracomment>After a change, reload at most this many rows (the rows the user had scrolled to). The query costs 10-40 ms at 100k incidents (bench/bench_ui.py): results within 100 ms of the last key, with room for a busy machine.</extracomment>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="59"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="60"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="61"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="62"/>
        <source>State</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="63"/>
        <source>Synced</source>
        <translation>Синхр.</translation>
    </message>
</context>
<context>
    <name>IncidentTableModel</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="262"/>
        <source>Loading incidents</source>
        <extracomment>How to ask for the next page: a (occurred, rowid) key, or a search-hit offset.</extracomment>
        <translation>Загрузка инцидентов</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="292"/>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="292"/>
        <source>Sealed</source>
        <translation>Опечатан</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="293"/>
        <source>Sealed (amended)</source>
        <translation>Опечатан (исправлен)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="294"/>
        <source>Conflict</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="295"/>
        <source>Two revisions</source>
        <translation>Две редакции</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="300"/>
        <source>This record claims to amend a record it may not replace (another device&apos;s, or another incident&apos;s). It is kept but replaces nothing; the record it names stays current.</source>
        <translation>Эта запись выдаёт себя за исправление записи, которую не может заменить (другого устройства или другого инцидента). Она сохранена, но ничего не заменяет; названная запись остаётся действующей.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="304"/>
        <source>The same device sealed two current revisions of this incident. Both are kept; exports ask you to choose one by its record id.</source>
        <translation>Одно устройство запечатало две действующие редакции этого инцидента. Обе сохранены; при экспорте нужно выбрать одну по идентификатору записи.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="331"/>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="331"/>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
<context>
    <name>IncidentsPage</name>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="481"/>
        <source>&amp;Search:</source>
        <translation>&amp;Поиск:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="482"/>
        <source>Words in any language, names, places…</source>
        <translation>Слова на любом языке, имена, места…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="483"/>
        <source>Search incidents</source>
        <translation>Поиск инцидентов</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="484"/>
        <source>&amp;New incident</source>
        <translation>&amp;Новый инцидент</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="485"/>
        <source>New incident</source>
        <translation>Новый инцидент</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="486"/>
        <source>Clear filters</source>
        <translation>Сбросить фильтры</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;Category:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>C&amp;ountry:</source>
        <translation>&amp;Страна:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="487"/>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="488"/>
        <source>S&amp;tate:</source>
        <translation>С&amp;татус:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="488"/>
        <source>S&amp;ynced:</source>
        <translation>Син&amp;хр.:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>Category filter</source>
        <translation>Фильтр по категории</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>Country filter</source>
        <translation>Фильтр по стране</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="491"/>
        <source>From date</source>
        <translation>С даты</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>To date</source>
        <translation>По дату</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>State filter</source>
        <translation>Фильтр по статусу</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="492"/>
        <source>Synced filter</source>
        <translation>Фильтр по синхронизации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="497"/>
        <source>any</source>
        <translation>любая</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="498"/>
        <source>Incidents</source>
        <translation>Инциденты</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="499"/>
        <location filename="../../fieldkit/ui/incidents.py" line="501"/>
        <location filename="../../fieldkit/ui/incidents.py" line="523"/>
        <location filename="../../fieldkit/ui/incidents.py" line="533"/>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="499"/>
        <source>Drafts</source>
        <translation>Черновики</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="500"/>
        <source>Sealed</source>
        <translation>Опечатанные</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="501"/>
        <source>Synced</source>
        <translation>Синхронизированные</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="502"/>
        <source>Not synced</source>
        <translation>Не синхронизированные</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="590"/>
        <source>{n}{more} found</source>
        <translation>Найдено: {n}{more}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="592"/>
        <source>{n} incidents</source>
        <translation>Инцидентов: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="594"/>
        <source>{n} shown</source>
        <translation>Показано: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/incidents.py" line="596"/>
        <source>loading…</source>
        <translation>загрузка…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="65"/>
        <source>Incidents</source>
        <extracomment>Source text, translated in the &quot;MainWindow&quot; context when shown. The pages, in navigation order. Append to it (before the window is built) to add one.</extracomment>
        <translation>Инциденты</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="67"/>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="69"/>
        <source>Audit</source>
        <translation>Аудит</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="71"/>
        <source>Staff</source>
        <translation>Сотрудники</translation>
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
        <translation>&amp;Хранилище</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="210"/>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="211"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="212"/>
        <source>&amp;New incident</source>
        <translation>&amp;Новый инцидент</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="213"/>
        <source>&amp;Auto-lock…</source>
        <translation>&amp;Автоблокировка…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="214"/>
        <source>Panic &amp;wipe…</source>
        <translation>&amp;Экстренное удаление…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="215"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="216"/>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="240"/>
        <source>Unlocked: {path}</source>
        <translation>Открыто: {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/mainwindow.py" line="244"/>
        <source>Locked</source>
        <translation>Заблокировано</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="178"/>
        <source>Language and files</source>
        <translation>Язык и файлы</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="179"/>
        <source>The bundle lets anyone check the dossier offline: the signed records and the registry&apos;s proofs.</source>
        <translation>Пакет позволяет любому проверить досье без сети: подписанные записи и доказательства реестра.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="183"/>
        <source>Dossier language</source>
        <translation>Язык досье</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="191"/>
        <source>Dossier PDF file</source>
        <translation>PDF-файл досье</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="194"/>
        <source>Verification bundle file</source>
        <translation>Файл пакета проверки</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="195"/>
        <source>Also write the verification bundle</source>
        <translation>Также записать пакет проверки</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="199"/>
        <source>Include evidence files in the bundle (otherwise they are listed by SHA-256 only)</source>
        <translation>Включить файлы доказательств в пакет (иначе они перечислены только по SHA-256)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="206"/>
        <source>Prepared by</source>
        <translation>Подготовил(а)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="210"/>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="223"/>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="224"/>
        <source>Dossier (PDF):</source>
        <translation>Досье (PDF):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="225"/>
        <source>Save the dossier as</source>
        <translation>Сохранить досье как</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="225"/>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="227"/>
        <source>Bundle (ZIP):</source>
        <translation>Пакет (ZIP):</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="228"/>
        <source>Save the bundle as</source>
        <translation>Сохранить пакет как</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="228"/>
        <source>ZIP files (*.zip)</source>
        <translation>Файлы ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="230"/>
        <source>Prepared by:</source>
        <translation>Подготовил(а):</translation>
    </message>
</context>
<context>
    <name>PanicWipeDialog</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="515"/>
        <source>Panic wipe</source>
        <translation>Экстренное удаление</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="517"/>
        <source>WIPE</source>
        <translation>УДАЛИТЬ</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="519"/>
        <source>This destroys the vault&apos;s key at once: every incident, testimony and evidence file in this vault becomes unreadable for ever, and the recovery key will not bring it back. Records already synced stay at the registry.

Type {word} to confirm.</source>
        <translation>Ключ хранилища будет сразу уничтожен: все инциденты, показания и доказательства в нём станут нечитаемыми навсегда, и ключ восстановления их не вернёт. Уже синхронизированные записи останутся в реестре.

Введите {word} для подтверждения.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="528"/>
        <source>Type {word} to confirm</source>
        <translation>Введите {word} для подтверждения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="533"/>
        <source>&amp;Wipe the vault</source>
        <translation>&amp;Удалить хранилище</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="133"/>
        <location filename="../../fieldkit/ui/persons.py" line="134"/>
        <source>Add a person</source>
        <translation>Добавить лицо</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="139"/>
        <source>Person {n}</source>
        <translation>Лицо {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="141"/>
        <source>Pseudonym (required)</source>
        <translation>Псевдоним (обязательно)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="142"/>
        <source>How this person is named in every record and report. Do not use the real name here.</source>
        <translation>Так это лицо будет названо во всех записях и отчётах. Не указывайте здесь настоящее имя.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="146"/>
        <source>Pseudonym *</source>
        <translation>Псевдоним *</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="157"/>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="161"/>
        <location filename="../../fieldkit/ui/persons.py" line="166"/>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="162"/>
        <location filename="../../fieldkit/ui/persons.py" line="170"/>
        <source>Not recorded</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Female</source>
        <translation>Женский</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Male</source>
        <translation>Мужской</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="163"/>
        <source>Other</source>
        <translation>Другой</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="169"/>
        <location filename="../../fieldkit/ui/persons.py" line="174"/>
        <source>Age group</source>
        <translation>Возрастная группа</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Child</source>
        <translation>Ребёнок</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Adult</source>
        <translation>Взрослый</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="171"/>
        <source>Older</source>
        <translation>Пожилой</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="177"/>
        <source>Internal only — never shared outside the organisation (optional)</source>
        <translation>Только для внутреннего пользования — не передаётся за пределы организации (необязательно)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="180"/>
        <source>Internal only details</source>
        <translation>Внутренние сведения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="184"/>
        <location filename="../../fieldkit/ui/persons.py" line="187"/>
        <source>Real name (internal only)</source>
        <translation>Настоящее имя (только внутренне)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="185"/>
        <source>Leave empty unless it is needed</source>
        <translation>Оставьте пустым, если не требуется</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="190"/>
        <location filename="../../fieldkit/ui/persons.py" line="192"/>
        <source>Contact (internal only)</source>
        <translation>Контакт (только внутренне)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="208"/>
        <source>The pseudonym is required.</source>
        <translation>Псевдоним обязателен.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="209"/>
        <source>Give a name that does not identify the person, such as “Witness A”.</source>
        <translation>Укажите имя, не раскрывающее личность, например «Свидетель А».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="232"/>
        <source>Adding a person</source>
        <translation>Добавление лица</translation>
    </message>
</context>
<context>
    <name>Persons</name>
    <message>
        <location filename="../../fieldkit/ui/persons.py" line="115"/>
        <source>identity on file (internal only)</source>
        <translation>личность записана (только внутренне)</translation>
    </message>
</context>
<context>
    <name>RecoverDialog</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="413"/>
        <source>Recover the vault</source>
        <translation>Восстановить хранилище</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="417"/>
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="419"/>
        <source>New passphrase</source>
        <translation>Новая парольная фраза</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="421"/>
        <source>Repeat the new passphrase</source>
        <translation>Повторите новую фразу</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="422"/>
        <source>Recovery &amp;key:</source>
        <translation>&amp;Ключ восстановления:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="423"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Новая фраза:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="424"/>
        <source>&amp;Repeat it:</source>
        <translation>&amp;Повторите:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="443"/>
        <source>The two passphrases differ.</source>
        <translation>Фразы не совпадают.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="460"/>
        <source>Recovering</source>
        <translation>Восстановление</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="295"/>
        <source>Write down your recovery key</source>
        <translation>Запишите ключ восстановления</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="297"/>
        <source>If you forget your passphrase, this key is the only way back into the vault. Write it on paper and keep it somewhere safe, away from this computer. It will not be shown again.</source>
        <translation>Если вы забудете парольную фразу, только этот ключ вернёт доступ к хранилищу. Запишите его на бумаге и храните в надёжном месте, вдали от этого компьютера. Больше он показан не будет.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="300"/>
        <source>I have &amp;written it down</source>
        <translation>Я его &amp;записал(а)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="301"/>
        <source>C&amp;ontinue</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="302"/>
        <source>Recovery key</source>
        <translation>Ключ восстановления</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="244"/>
        <source>Exporting</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="247"/>
        <source>Export progress</source>
        <translation>Ход экспорта</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="248"/>
        <source>Cancel export</source>
        <translation>Отменить экспорт</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="253"/>
        <source>Export result</source>
        <translation>Результат экспорта</translation>
    </message>
</context>
<context>
    <name>SealDialog</name>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="87"/>
        <location filename="../../fieldkit/ui/seal.py" line="88"/>
        <source>Seal this incident</source>
        <translation>Опечатать инцидент</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="92"/>
        <source>Sealing signs the record below with this device&apos;s key. A sealed record can never be edited again; corrections are new revisions (Amend). The signature also covers this device&apos;s record number, its previous record, the revision this one amends and the time of sealing.</source>
        <translation>Опечатывание подписывает запись ниже ключом этого устройства. Опечатанную запись больше нельзя изменить; исправления — это новые редакции («Исправить»). Подпись также охватывает номер записи на устройстве, предыдущую запись, исправляемую редакцию и время опечатывания.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="97"/>
        <source>Reading the record…</source>
        <translation>Чтение записи…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="99"/>
        <source>Signing key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="104"/>
        <source>The record that will be signed (canonical JSON)</source>
        <translation>Запись, которая будет подписана (канонический JSON)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="112"/>
        <source>Seal and sign</source>
        <translation>Опечатать и подписать</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="114"/>
        <source>Seal and sign this record</source>
        <translation>Опечатать и подписать запись</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="117"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="143"/>
        <source>Preparing the seal</source>
        <translation>Подготовка опечатывания</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="147"/>
        <source>Signed by this device&apos;s key {fingerprint} ({key_id}).</source>
        <translation>Подписано ключом этого устройства {fingerprint} ({key_id}).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="150"/>
        <source>It amends the sealed record {id}.</source>
        <translation>Исправляет опечатанную запись {id}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/seal.py" line="176"/>
        <source>Sealing</source>
        <translation>Опечатывание</translation>
    </message>
</context>
<context>
    <name>SelectionPage</name>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="80"/>
        <source>Which incidents?</source>
        <translation>Какие инциденты?</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="81"/>
        <source>Only sealed incidents go into a dossier, each in its newest revision.</source>
        <translation>В досье попадают только опечатанные инциденты, каждый в последней редакции.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="84"/>
        <source>The {n} incidents selected</source>
        <translation>Выбранные инциденты ({n})</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="86"/>
        <source>Every sealed incident matching:</source>
        <translation>Все опечатанные инциденты, где:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="96"/>
        <source>From date</source>
        <translation>С даты</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="97"/>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="101"/>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="100"/>
        <source>To date (inclusive)</source>
        <translation>По дату (включительно)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="104"/>
        <source>Country (two-letter code)</source>
        <translation>Страна (двухбуквенный код)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="106"/>
        <source>e.g. FR</source>
        <translation>напр. FR</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="109"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="110"/>
        <source>Any category</source>
        <translation>Любая категория</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="117"/>
        <source>From:</source>
        <translation>С:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="118"/>
        <source>To:</source>
        <translation>По:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="119"/>
        <source>Country:</source>
        <translation>Страна:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/dossier_wizard.py" line="120"/>
        <source>Category:</source>
        <translation>Категория:</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="45"/>
        <source>Staff</source>
        <extracomment>How many received incidents the table shows (newest first); the Incidents page has all.</extracomment>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="47"/>
        <source>Pull</source>
        <translation>Получить</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="49"/>
        <source>Pull new records from the registry</source>
        <translation>Получить новые записи из реестра</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="53"/>
        <source>Pull progress</source>
        <translation>Ход получения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="56"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="58"/>
        <source>Cancel the pull</source>
        <translation>Отменить получение</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="67"/>
        <source>Last pull report</source>
        <translation>Отчёт о последнем получении</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="71"/>
        <source>Pull error</source>
        <translation>Ошибка получения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="78"/>
        <source>Sealed incidents in this vault</source>
        <translation>Опечатанные инциденты в хранилище</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="79"/>
        <source>Occurred</source>
        <translation>Дата события</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="79"/>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="80"/>
        <source>Country</source>
        <translation>Страна</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="80"/>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="81"/>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="91"/>
        <location filename="../../fieldkit/ui/staff.py" line="318"/>
        <source>Export a dossier…</source>
        <translation>Экспорт досье…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="93"/>
        <source>Open the dossier export wizard</source>
        <translation>Открыть мастер экспорта досье</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="101"/>
        <source>Exports made from this vault</source>
        <translation>Экспорты из этого хранилища</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Audience</source>
        <translation>Аудитория</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="103"/>
        <source>Records</source>
        <translation>Записи</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="104"/>
        <source>Reported to the registry</source>
        <translation>Сообщено в реестр</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="113"/>
        <source>Records in quarantine</source>
        <translation>Записи в карантине</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="118"/>
        <source>Pulled records in quarantine, with the reason for each</source>
        <translation>Полученные записи в карантине, с причиной для каждой</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="120"/>
        <source>Why it is in quarantine</source>
        <translation>Почему она в карантине</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="121"/>
        <source>First seen</source>
        <translation>Впервые получена</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="133"/>
        <source>Sealed incidents received</source>
        <translation>Полученные опечатанные инциденты</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="138"/>
        <source>Exports</source>
        <translation>Экспорты</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="210"/>
        <source>Reading the incidents</source>
        <translation>Чтение инцидентов</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="237"/>
        <source>{n} sealed incidents</source>
        <translation>Опечатанных инцидентов: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="238"/>
        <source>Newest {shown} of {n} sealed incidents</source>
        <translation>Последние {shown} из {n} опечатанных инцидентов</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="243"/>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="252"/>
        <source>It is damaged or forged: it is not a well-formed record.</source>
        <translation>Запись повреждена или подделана: она имеет неверный формат.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="253"/>
        <source>It reached the registry unsealed, not sealed to the organisation&apos;s key.</source>
        <translation>Она попала в реестр незапечатанной, не зашифрованной ключом организации.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="255"/>
        <source>The device signature on it does not verify.</source>
        <translation>Подпись устройства на ней не проходит проверку.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="256"/>
        <source>The registry describes it differently from what its device signed.</source>
        <translation>Реестр описывает её иначе, чем подписало её устройство.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="258"/>
        <source>No organisation key in this vault opens it.</source>
        <translation>Ни один ключ организации в этом хранилище её не открывает.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="259"/>
        <source>The registry gave no receipt for it: nothing shows it is in the log.</source>
        <translation>Реестр не выдал для неё квитанцию: ничто не показывает, что она есть в журнале.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="261"/>
        <source>Its receipt does not prove that it is in the log.</source>
        <translation>Её квитанция не доказывает, что она есть в журнале.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="262"/>
        <source>Its receipt rests on a history of the log that contradicts this vault&apos;s.</source>
        <translation>Её квитанция опирается на историю журнала, которая противоречит истории этого хранилища.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="264"/>
        <source>The log shows no enrolment of the device that signed it.</source>
        <translation>Журнал не показывает регистрации устройства, которое её подписало.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="265"/>
        <source>The proof of its device&apos;s enrolment does not hold.</source>
        <translation>Доказательство регистрации её устройства не подтверждается.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="266"/>
        <source>Its device is enrolled with a role that may not send records.</source>
        <translation>Её устройство зарегистрировано с ролью, которой нельзя отправлять записи.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="268"/>
        <source>It was logged before its device was enrolled.</source>
        <translation>Она попала в журнал раньше, чем было зарегистрировано её устройство.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="270"/>
        <source>Its device had been revoked before it was logged.</source>
        <translation>Её устройство было отозвано до того, как она попала в журнал.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="271"/>
        <source>One of its files could not be fetched whole.</source>
        <translation>Один из её файлов не удалось получить целиком.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="278"/>
        <source>No pulled record is in quarantine.</source>
        <translation>Ни одна полученная запись не находится в карантине.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="282"/>
        <source>{n} pulled records are in quarantine: the registry&apos;s log does not vouch for them, so they are in no list, search or export. Each pull checks them again.</source>
        <translation>Полученных записей в карантине: {n}. Журнал реестра за них не ручается, поэтому их нет ни в списках, ни в поиске, ни в экспорте. Каждое получение проверяет их снова.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="314"/>
        <source>Only a staff vault, enrolled with a staff code and holding the organisation key, can pull records.</source>
        <translation>Получать записи может только хранилище сотрудника, зарегистрированное по коду сотрудника и владеющее ключом организации.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="317"/>
        <source>Export a dossier of {n} incidents…</source>
        <translation>Экспорт досье из {n} инцидентов…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="333"/>
        <source>Pulling…</source>
        <translation>Получение…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="356"/>
        <source>Cancelled. Every record already received was kept whole; pull again to continue.</source>
        <translation>Отменено. Все уже полученные записи сохранены целиком; для продолжения получите снова.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="360"/>
        <source>Not pulled.</source>
        <translation>Не получено.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/staff.py" line="368"/>
        <source>Pulling records</source>
        <translation>Получение записей</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="284"/>
        <source>Organisation key</source>
        <translation>Ключ организации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="289"/>
        <source>Read this safety number to your organisation&apos;s staff by phone or in person, or let them scan the code. If it differs from theirs, do not sync: tell an administrator.</source>
        <translation>Прочитайте этот код безопасности сотрудникам вашей организации по телефону или лично либо дайте им отсканировать QR-код. Если он отличается от их кода, не синхронизируйте: сообщите администратору.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="295"/>
        <source>Safety number of the organisation key</source>
        <translation>Код безопасности ключа организации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="304"/>
        <source>QR code of the organisation key</source>
        <translation>QR-код ключа организации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="436"/>
        <source>No organisation key yet: a monitor learns it at enrolment or on its first sync.</source>
        <translation>Ключа организации пока нет: наблюдатель получает его при регистрации или при первой синхронизации.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="260"/>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="262"/>
        <source>Registry</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="273"/>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="274"/>
        <source>This vault is:</source>
        <translation>Это хранилище:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="275"/>
        <source>Waiting to be sent:</source>
        <translation>Ожидают отправки:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="276"/>
        <source>Last sync:</source>
        <translation>Последняя синхронизация:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="277"/>
        <source>Enrol this vault…</source>
        <translation>Зарегистрировать хранилище…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="279"/>
        <source>Enrol this vault with a registry</source>
        <translation>Зарегистрировать хранилище в реестре</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="309"/>
        <location filename="../../fieldkit/ui/syncpanel.py" line="311"/>
        <location filename="../../fieldkit/ui/syncpanel.py" line="421"/>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="313"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="315"/>
        <source>Cancel the sync</source>
        <translation>Отменить синхронизацию</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="319"/>
        <source>Sync progress</source>
        <translation>Ход синхронизации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="329"/>
        <source>Last sync report</source>
        <translation>Отчёт о последней синхронизации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="333"/>
        <source>Sync error</source>
        <translation>Ошибка синхронизации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="340"/>
        <source>Sync log</source>
        <translation>Журнал синхронизации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="342"/>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="355"/>
        <source>Sync log on this device</source>
        <translation>Журнал синхронизации на этом устройстве</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="400"/>
        <source>Reading the sync log</source>
        <translation>Чтение журнала синхронизации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="403"/>
        <source>a monitor&apos;s vault (sends sealed records)</source>
        <translation>хранилище наблюдателя (отправляет опечатанные записи)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="404"/>
        <source>a staff vault (receives records)</source>
        <translation>хранилище сотрудника (получает записи)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="405"/>
        <source>an administrator&apos;s vault</source>
        <translation>хранилище администратора</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="408"/>
        <source>Not enrolled</source>
        <translation>Не зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="413"/>
        <source>{n} sealed records</source>
        <translation>Опечатанных записей: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="417"/>
        <source>never</source>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="420"/>
        <source>Pull now</source>
        <translation>Получить сейчас</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="466"/>
        <source>Syncing…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="493"/>
        <source>Not synced.</source>
        <translation>Не синхронизировано.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="499"/>
        <source>Syncing</source>
        <translation>Синхронизация</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="60"/>
        <source>never</source>
        <extracomment>How often the status bar asks the registry whether it is up (ms). How many sync log lines the page shows.</extracomment>
        <translation>никогда</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="74"/>
        <source>Received {records} records and {files} files ({size}).</source>
        <translation>Получено записей: {records}, файлов: {files} ({size}).</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="79"/>
        <source>Sent {records} records and {files} files ({size}); each has a verified receipt.</source>
        <translation>Отправлено записей: {records}, файлов: {files} ({size}); на каждую есть проверенная квитанция.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="84"/>
        <source>{n} retries.</source>
        <translation>Повторов: {n}.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="90"/>
        <source>Cancelled. Records already sent keep their receipts; the rest stay queued and nothing half-stored was kept.</source>
        <translation>Отменено. Уже отправленные записи сохраняют квитанции; остальные остаются в очереди, ничего недописанного не сохранено.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="153"/>
        <source>Sync status</source>
        <translation>Состояние синхронизации</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="221"/>
        <source>Checking the registry</source>
        <translation>Проверка реестра</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="231"/>
        <source>Not enrolled</source>
        <translation>Не зарегистрировано</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="234"/>
        <source>This vault is not connected to a registry.</source>
        <translation>Хранилище не подключено к реестру.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="237"/>
        <source>Registry distrusted</source>
        <translation>Реестру нет доверия</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="239"/>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="241"/>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="243"/>
        <source>Offline</source>
        <translation>Не в сети</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="246"/>
        <source>Queue: {n}</source>
        <translation>В очереди: {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/syncpanel.py" line="247"/>
        <source>Last receipt: {when}</source>
        <translation>Последняя квитанция: {when}</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="261"/>
        <source>Working</source>
        <extracomment>How often the GUI reads a running task&apos;s progress (ms).</extracomment>
        <translation>Выполняется</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="263"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/tasks.py" line="264"/>
        <source>Progress</source>
        <translation>Ход выполнения</translation>
    </message>
</context>
<context>
    <name>TestimonyDialog</name>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="74"/>
        <location filename="../../fieldkit/ui/testimony.py" line="75"/>
        <source>Add a testimony</source>
        <extracomment>Languages offered for a testimony, by their own names (so no translation is needed).</extracomment>
        <translation>Добавить показания</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="82"/>
        <source>Witness: pick a person or type a new pseudonym</source>
        <translation>Свидетель: выберите лицо или введите новый псевдоним</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="92"/>
        <source>Witness {n}</source>
        <translation>Свидетель {n}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="93"/>
        <source>A pseudonym, never the real name.</source>
        <translation>Псевдоним, никогда не настоящее имя.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="94"/>
        <source>Witness (pseudonym)</source>
        <translation>Свидетель (псевдоним)</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="98"/>
        <source>Language of the testimony</source>
        <translation>Язык показаний</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="103"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="109"/>
        <source>Internal</source>
        <translation>Внутренний</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="110"/>
        <source>Only our organisation&apos;s staff may read it.</source>
        <translation>Читать могут только сотрудники нашей организации.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="111"/>
        <source>Partners</source>
        <translation>Партнёры</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="112"/>
        <source>Trusted partner organisations may read it too.</source>
        <translation>Читать могут также доверенные организации-партнёры.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="113"/>
        <source>Public</source>
        <translation>Публичный</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="114"/>
        <source>It may be published, under the witness&apos;s pseudonym.</source>
        <translation>Можно публиковать под псевдонимом свидетеля.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="119"/>
        <source>Consent: {level}</source>
        <translation>Согласие: {level}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="131"/>
        <source>Consent given</source>
        <translation>Данное согласие</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="135"/>
        <source>Testimony text</source>
        <translation>Текст показаний</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="137"/>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="140"/>
        <location filename="../../fieldkit/ui/testimony.py" line="196"/>
        <source>No audio</source>
        <translation>Нет аудио</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="142"/>
        <source>Attach audio file…</source>
        <translation>Прикрепить аудиофайл…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="144"/>
        <location filename="../../fieldkit/ui/testimony.py" line="202"/>
        <source>Attach an audio file</source>
        <translation>Прикрепить аудиофайл</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="146"/>
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="148"/>
        <source>Record audio</source>
        <translation>Записать звук</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="152"/>
        <source>Recording needs Qt Multimedia and a microphone, which this computer does not have. Attach an audio file instead.</source>
        <translation>Для записи нужны Qt Multimedia и микрофон, которых на этом компьютере нет. Прикрепите аудиофайл.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="158"/>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="163"/>
        <source>Saving progress</source>
        <translation>Ход сохранения</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="165"/>
        <source>Cancel import</source>
        <translation>Отменить импорт</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="226"/>
        <source>Stop recording</source>
        <translation>Остановить запись</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="227"/>
        <source>Recording…</source>
        <translation>Запись…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="230"/>
        <source>Record again</source>
        <translation>Записать заново</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="248"/>
        <source>Name the witness by a pseudonym.</source>
        <translation>Назовите свидетеля псевдонимом.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="249"/>
        <source>Pick a person or type a new pseudonym such as “Witness A”.</source>
        <translation>Выберите лицо или введите новый псевдоним, например «Свидетель А».</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="253"/>
        <source>The testimony is empty.</source>
        <translation>Показания пусты.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="254"/>
        <source>Type the testimony or attach its audio.</source>
        <translation>Введите показания или прикрепите аудиозапись.</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/testimony.py" line="282"/>
        <source>Saving the testimony</source>
        <translation>Сохранение показаний</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="355"/>
        <source>Unlock the vault</source>
        <translation>Открыть хранилище</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="356"/>
        <source>Vault: {path}</source>
        <translation>Хранилище: {path}</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="357"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Парольная фраза:</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="358"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="359"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="360"/>
        <source>Forgot it? Use the &amp;recovery key…</source>
        <translation>Забыли? Используйте &amp;ключ восстановления…</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/unlock.py" line="399"/>
        <source>Unlocking</source>
        <translation>Открытие</translation>
    </message>
</context>
<context>
    <name>WhenEdit</name>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="235"/>
        <source>Exact time</source>
        <translation>Точное время</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="235"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="236"/>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="236"/>
        <source>Year</source>
        <translation>Год</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="237"/>
        <source>About (approximate)</source>
        <translation>Приблизительно</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="237"/>
        <source>Range</source>
        <translation>Период</translation>
    </message>
    <message>
        <location filename="../../fieldkit/ui/editor.py" line="242"/>
        <source>to</source>
        <translation>по</translation>
    </message>
</context>
</TS>
