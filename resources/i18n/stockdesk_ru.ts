<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
    <context>
        <name>Errors</name>
        <message>
            <source>Stopped. Run the same command again to continue where it stopped.</source>
            <translation>Остановлено. Запустите ту же команду ещё раз, чтобы продолжить с того же места.</translation>
        </message>
        <message>
            <source>Cannot open the data directory: {error}</source>
            <translation>Не удаётся открыть папку данных: {error}</translation>
        </message>
        <message numerus="yes">
            <source>The StockDesk database {path} was damaged ({detail}). It is kept as {copy}; a new database was started with the %n value(s) you typed (also saved to {csv}). To rebuild the rest from the Evotor cloud, run: stockdesk evotor connect, then stockdesk evotor reconstruct.</source>
            <translation>
                <numerusform>База данных StockDesk {path} была повреждена ({detail}). Она сохранена как {copy}; начата новая база с %n введённым вами значением (оно также сохранено в {csv}). Чтобы восстановить остальное из облака Эвотор, выполните: stockdesk evotor connect, затем stockdesk evotor reconstruct.</numerusform>
                <numerusform>База данных StockDesk {path} была повреждена ({detail}). Она сохранена как {copy}; начата новая база с %n введёнными вами значениями (они также сохранены в {csv}). Чтобы восстановить остальное из облака Эвотор, выполните: stockdesk evotor connect, затем stockdesk evotor reconstruct.</numerusform>
                <numerusform>База данных StockDesk {path} была повреждена ({detail}). Она сохранена как {copy}; начата новая база с %n введёнными вами значениями (они также сохранены в {csv}). Чтобы восстановить остальное из облака Эвотор, выполните: stockdesk evotor connect, затем stockdesk evotor reconstruct.</numerusform>
            </translation>
        </message>
        <message>
            <source>The StockDesk database {path} was damaged ({detail}). It is kept as {copy}; a new database was started. To rebuild it from the Evotor cloud, run: stockdesk evotor connect, then stockdesk evotor reconstruct.</source>
            <translation>База данных StockDesk {path} была повреждена ({detail}). Она сохранена как {copy}; начата новая база. Чтобы восстановить её из облака Эвотор, выполните: stockdesk evotor connect, затем stockdesk evotor reconstruct.</translation>
        </message>
        <message>
            <source>Product {product} is not in store {store}.</source>
            <translation>Товара {product} нет в магазине {store}.</translation>
        </message>
        <message>
            <source>Cannot write {file}: {error}</source>
            <translation>Не удаётся записать {file}: {error}</translation>
        </message>
        <message>
            <source>StockDesk</source>
            <translation>StockDesk</translation>
        </message>
        <message>
            <source>The StockDesk database {path} is damaged ({detail}). StockDesk can set it aside (it stays next to it as a copy: nothing is deleted), keep the values you typed, and rebuild the rest from the Evotor cloud: you connect again and StockDesk reconstructs the balances.</source>
            <translation>База данных StockDesk {path} повреждена ({detail}). StockDesk может отложить её (она останется рядом как копия: ничего не удаляется), сохранить введённые вами значения и восстановить остальное из облака Эвотор: вы снова подключаетесь, и StockDesk восстанавливает остатки.</translation>
        </message>
        <message>
            <source>Rebuild from the cloud</source>
            <translation>Восстановить из облака</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Выйти</translation>
        </message>
        <message numerus="yes">
            <source>The damaged database is kept as {copy}. The %n value(s) you typed are in the new database (and in {csv}).</source>
            <translation>
                <numerusform>Повреждённая база сохранена как {copy}. %n введённое вами значение перенесено в новую базу (и сохранено в {csv}).</numerusform>
                <numerusform>Повреждённая база сохранена как {copy}. %n введённых вами значения перенесены в новую базу (и сохранены в {csv}).</numerusform>
                <numerusform>Повреждённая база сохранена как {copy}. %n введённых вами значений перенесены в новую базу (и сохранены в {csv}).</numerusform>
            </translation>
        </message>
        <message>
            <source>The damaged database is kept as {copy}.</source>
            <translation>Повреждённая база сохранена как {copy}.</translation>
        </message>
        <message>
            <source>Evotor did not send stock quantities because StockDesk has no rights to stock. In the Evotor cabinet reinstall StockDesk and allow access to stock, then try again.</source>
            <translation>Эвотор не прислал остатки: у StockDesk нет прав на работу с остатками. В личном кабинете Эвотора переустановите StockDesk, разрешите доступ к остаткам и попробуйте снова.</translation>
        </message>
        <message>
            <source>The quantity {quantity} cannot be sent to Evotor: it allows at most 7 digits before the decimal point.</source>
            <translation>Количество {quantity} нельзя отправить в Эвотор: допускается не больше 7 цифр до запятой.</translation>
        </message>
        <message>
            <source>Evotor did not accept the token. Copy it again from the Evotor cabinet (My apps → StockDesk → Settings tab) and paste it into StockDesk.</source>
            <translation>Эвотор не принял токен. Скопируйте его заново в личном кабинете Эвотора (Мои приложения → StockDesk → вкладка «Настройки») и вставьте в StockDesk.</translation>
        </message>
        <message>
            <source>StockDesk is not installed on your Evotor terminals. Install it on the terminals from the Evotor cabinet (My apps → StockDesk), then try again.</source>
            <translation>StockDesk не установлен на ваши терминалы Эвотор. Установите его на терминалы в личном кабинете Эвотора (Мои приложения → StockDesk) и попробуйте снова.</translation>
        </message>
        <message>
            <source>Evotor refused access: StockDesk lacks the rights it needs or is not installed in your Evotor cabinet. Install (or reinstall) StockDesk there, allow access to stock, then try again.</source>
            <translation>Эвотор отказал в доступе: у StockDesk нет нужных прав или он не установлен в вашем личном кабинете. Установите (или переустановите) StockDesk там, разрешите доступ к остаткам и попробуйте снова.</translation>
        </message>
        <message>
            <source>Evotor could not find the store or product asked for: it may have been deleted in the Evotor cabinet. Connect Evotor again to refresh the list of stores, then repeat.</source>
            <translation>Эвотор не нашёл запрошенный магазин или товар: возможно, его удалили в личном кабинете. Подключите Эвотор заново, чтобы обновить список магазинов, и повторите.</translation>
        </message>
        <message>
            <source>Evotor refused the request format (HTTP 406). This StockDesk version may be out of date: install the latest version and try again.</source>
            <translation>Эвотор отклонил формат запроса (HTTP 406). Возможно, эта версия StockDesk устарела: установите последнюю версию и попробуйте снова.</translation>
        </message>
        <message>
            <source>Evotor rejected the data StockDesk sent: {reasons}. Correct the value and try again.</source>
            <translation>Эвотор отклонил данные, отправленные StockDesk: {reasons}. Исправьте значение и попробуйте снова.</translation>
        </message>
        <message>
            <source>The Evotor cloud answered with an unexpected error (HTTP {status}). Try again later; if it keeps happening, contact StockDesk support.</source>
            <translation>Облако Эвотора ответило неожиданной ошибкой (HTTP {status}). Попробуйте позже; если ошибка повторяется, обратитесь в поддержку StockDesk.</translation>
        </message>
        <message>
            <source>Evotor is limiting how often StockDesk may ask and kept refusing for too long. Wait a few minutes and try again; work already done is kept.</source>
            <translation>Эвотор ограничивает частоту запросов StockDesk и слишком долго отказывал. Подождите несколько минут и попробуйте снова; уже сделанное сохранено.</translation>
        </message>
        <message>
            <source>The Evotor cloud is having trouble (HTTP {status}). Try again later; work already done is kept.</source>
            <translation>В облаке Эвотора неполадки (HTTP {status}). Попробуйте позже; уже сделанное сохранено.</translation>
        </message>
        <message>
            <source>No connection to the Evotor cloud. Check the internet connection and try again.</source>
            <translation>Нет связи с облаком Эвотора. Проверьте подключение к интернету и попробуйте снова.</translation>
        </message>
        <message>
            <source>The Evotor cloud did not answer in time. Check the internet connection and try again.</source>
            <translation>Облако Эвотора не ответило вовремя. Проверьте подключение к интернету и попробуйте снова.</translation>
        </message>
        <message>
            <source>The Evotor cloud kept sending incomplete or unreadable answers. Try again later.</source>
            <translation>Облако Эвотора раз за разом присылало неполные или нечитаемые ответы. Попробуйте позже.</translation>
        </message>
        <message>
            <source>Cannot read the StockDesk database: {reason}</source>
            <translation>Не удаётся прочитать базу данных StockDesk: {reason}</translation>
        </message>
        <message>
            <source>Cannot listen on {host}:{port}: {reason}</source>
            <translation>Не удаётся принимать запросы на {host}:{port}: {reason}</translation>
        </message>
        <message>
            <source>A stock reconstruction</source>
            <translation>Восстановление остатков</translation>
        </message>
        <message>
            <source>A push to the Evotor cloud</source>
            <translation>Отправка остатков в облако Эвотор</translation>
        </message>
        <message>
            <source>A sync</source>
            <translation>Синхронизация</translation>
        </message>
        <message>
            <source>A push to Yandex Market</source>
            <translation>Отправка остатков в Яндекс Маркет</translation>
        </message>
        <message>
            <source>Reading the offers of Yandex Market</source>
            <translation>Чтение товаров Яндекс Маркета</translation>
        </message>
        <message>
            <source>A MoySklad import</source>
            <translation>Загрузка из МоегоСклада</translation>
        </message>
        <message>
            <source>in this StockDesk window</source>
            <translation>в этом окне StockDesk</translation>
        </message>
        <message>
            <source>in this command</source>
            <translation>в этой команде</translation>
        </message>
        <message>
            <source>in this StockDesk window's scheduled sync</source>
            <translation>в синхронизации по расписанию этого окна StockDesk</translation>
        </message>
        <message>
            <source>in another StockDesk window (process {pid})</source>
            <translation>в другом окне StockDesk (процесс {pid})</translation>
        </message>
        <message>
            <source>in a StockDesk command (process {pid})</source>
            <translation>в команде StockDesk (процесс {pid})</translation>
        </message>
        <message>
            <source>in a scheduled sync (process {pid})</source>
            <translation>в синхронизации по расписанию (процесс {pid})</translation>
        </message>
        <message>
            <source>{job} is running {where}: wait for it to finish or stop it, then try again.</source>
            <translation>{job} уже идёт {where}: дождитесь окончания или остановите, затем повторите.</translation>
        </message>
        <message>
            <source>StockDesk stopped this job because another one took over the account while this computer was asleep. Run it again.</source>
            <translation>StockDesk остановил эту операцию: пока компьютер спал, учётную запись заняла другая. Запустите её снова.</translation>
        </message>
        <message>
            <source>No Evotor token yet: connect your Evotor account first.</source>
            <translation>Токена Эвотора ещё нет: сначала подключите учётную запись Эвотора.</translation>
        </message>
        <message>
            <source>This computer has no password keychain, so the token cannot be saved. It can be kept for this run only.</source>
            <translation>На этом компьютере нет хранилища паролей, поэтому токен нельзя сохранить. Его можно держать в памяти только до закрытия программы.</translation>
        </message>
        <message>
            <source>The IMSHOP warehouse id is empty.</source>
            <translation>Не указан идентификатор склада IMSHOP.</translation>
        </message>
        <message>
            <source>An IMSHOP warehouse needs a name and a city.</source>
            <translation>Для склада IMSHOP нужны название и город.</translation>
        </message>
        <message>
            <source>There is no Evotor store {store}.</source>
            <translation>Магазина Эвотора {store} нет.</translation>
        </message>
        <message>
            <source>Give both latitude and longitude, or neither.</source>
            <translation>Укажите и широту, и долготу — или ни то, ни другое.</translation>
        </message>
        <message>
            <source>Latitude must be within ±90 and longitude within ±180.</source>
            <translation>Широта должна быть в пределах ±90, долгота — в пределах ±180.</translation>
        </message>
        <message>
            <source>IMSHOP warehouse {warehouse} already exists.</source>
            <translation>Склад IMSHOP {warehouse} уже есть.</translation>
        </message>
        <message>
            <source>The offer id is empty.</source>
            <translation>Не указан идентификатор предложения.</translation>
        </message>
        <message>
            <source>Store {store} has no product {product}.</source>
            <translation>В магазине {store} нет товара {product}.</translation>
        </message>
        <message>
            <source>{product} is a service: services have no stock.</source>
            <translation>{product} — услуга: у услуг нет остатков.</translation>
        </message>
        <message>
            <source>Unknown offer id field {field}: use one of {choices}.</source>
            <translation>Неизвестное поле для идентификатора предложения {field}: выберите одно из {choices}.</translation>
        </message>
        <message>
            <source>Listen on a host name and a port from 1 to 65535.</source>
            <translation>Укажите имя хоста и порт от 1 до 65535.</translation>
        </message>
        <message>
            <source>The IMSHOP key is empty.</source>
            <translation>Ключ IMSHOP пустой.</translation>
        </message>
        <message>
            <source>Nothing was written to Evotor: send the balances once first (Send to Evotor).</source>
            <translation>В Эвотор ничего не записано: сначала один раз отправьте остатки («Отправить в Эвотор»).</translation>
        </message>
        <message>
            <source>Nothing was written to Evotor: an interrupted push waits for you to finish it (Send to Evotor).</source>
            <translation>В Эвотор ничего не записано: прерванная отправка ждёт, пока вы её завершите («Отправить в Эвотор»).</translation>
        </message>
        <message>
            <source>No change of this product's cloud balance is on record: there is nothing to accept.</source>
            <translation>Изменений остатка этого товара в облаке не записано: принимать нечего.</translation>
        </message>
        <message>
            <source>“{target}” is not in the {channel} catalog: refresh it first.</source>
            <translation>«{target}» нет в каталоге {channel}: сначала обновите его.</translation>
        </message>
        <message>
            <source>“{name}” is a service: services have no stock.</source>
            <translation>«{name}» — услуга: у услуг нет остатков.</translation>
        </message>
        <message>
            <source>“{name}” is already chosen for {other}: undo that first.</source>
            <translation>«{name}» уже выбран для {other}: сначала отмените это.</translation>
        </message>
        <message>
            <source>No MoySklad token yet: connect MoySklad first.</source>
            <translation>Токена МоегоСклада ещё нет: сначала подключите МойСклад.</translation>
        </message>
        <message>
            <source>Getting a MoySklad token with the login and password revokes every token this user already has: other programs connected with one stop working. Confirm that, or paste an existing token instead.</source>
            <translation>Получение токена МоегоСклада по логину и паролю отзывает все токены этого пользователя: программы, подключённые с ними, перестанут работать. Подтвердите это или вставьте уже существующий токен.</translation>
        </message>
        <message>
            <source>MoySklad has no store {store}: connect MoySklad again.</source>
            <translation>В МоёмСкладе нет склада {store}: подключите МойСклад заново.</translation>
        </message>
        <message>
            <source>No store is selected: connect Evotor and choose the stores first.</source>
            <translation>Не выбран ни один магазин: сначала подключите Эвотор и выберите магазины.</translation>
        </message>
        <message>
            <source>Unknown store {store}: run “evotor connect” to refresh the list of stores.</source>
            <translation>Неизвестный магазин {store}: выполните «evotor connect», чтобы обновить список магазинов.</translation>
        </message>
        <message>
            <source>Type a number.</source>
            <translation>Введите число.</translation>
        </message>
        <message>
            <source>“{text}” is not a number.</source>
            <translation>«{text}» — не число.</translation>
        </message>
        <message>
            <source>At most 3 digits after the decimal point.</source>
            <translation>Не больше 3 цифр после запятой.</translation>
        </message>
        <message>
            <source>“{name}” is sold by the piece: type a whole number.</source>
            <translation>«{name}» продаётся поштучно: введите целое число.</translation>
        </message>
        <message>
            <source>Too large: Evotor accepts at most 7 digits before the decimal point.</source>
            <translation>Слишком большое число: Эвотор принимает не больше 7 цифр до запятой.</translation>
        </message>
        <message>
            <source>The file has no column {column}: export the list first and edit that file.</source>
            <translation>В файле нет столбца {column}: сначала выгрузите список и редактируйте этот файл.</translation>
        </message>
        <message>
            <source>Not sent: the balances could not be refreshed, so sending them could oversell.</source>
            <translation>Не отправлено: не удалось обновить остатки, и отправка могла бы привести к продаже того, чего нет.</translation>
        </message>
        <message>
            <source>No Yandex Market API key yet: connect Yandex Market first.</source>
            <translation>Ключа API Яндекс Маркета ещё нет: сначала подключите Яндекс Маркет.</translation>
        </message>
        <message>
            <source>Yandex Market did not say which business campaign {campaign} belongs to: give the business id.</source>
            <translation>Яндекс Маркет не сообщил, к какому кабинету относится магазин {campaign}: укажите идентификатор кабинета (business id).</translation>
        </message>
        <message>
            <source>Yandex Market is not fully set up ({missing}): connect it first.</source>
            <translation>Яндекс Маркет настроен не до конца ({missing}): сначала подключите его.</translation>
        </message>
        <message>
            <source>Sending stock to Yandex Market is switched off. Check the matched offers, then switch it on.</source>
            <translation>Отправка остатков в Яндекс Маркет выключена. Проверьте сопоставленные предложения, затем включите её.</translation>
        </message>
        <message>
            <source>A Yandex Market push was interrupted: finish it first.</source>
            <translation>Отправка в Яндекс Маркет была прервана: сначала завершите её.</translation>
        </message>
        <message>
            <source>The offers {skus} are still hidden on Yandex Market ({reason}). Show them again in the seller cabinet, or repeat the check.</source>
            <translation>Предложения {skus} всё ещё скрыты на Яндекс Маркете ({reason}). Снова покажите их в кабинете продавца или повторите проверку.</translation>
        </message>
        <message>
            <source>MoySklad did not accept the token. It may have been revoked (a new token for the same user revokes older ones). Create a token in MoySklad and paste it into StockDesk.</source>
            <translation>МойСклад не принял токен. Возможно, он отозван (новый токен того же пользователя отзывает старые). Создайте токен в МоёмСкладе и вставьте его в StockDesk.</translation>
        </message>
        <message>
            <source>MoySklad refused access: the user needs the right to see stock (Остатки) and goods. Ask the account administrator to grant it.</source>
            <translation>МойСклад отказал в доступе: пользователю нужно право просматривать остатки и товары. Попросите администратора аккаунта выдать его.</translation>
        </message>
        <message>
            <source>MoySklad refused the request format (HTTP 415). This StockDesk version may be out of date.</source>
            <translation>МойСклад отклонил формат запроса (HTTP 415). Возможно, эта версия StockDesk устарела.</translation>
        </message>
        <message>
            <source>MoySklad rejected the request: {reasons}.</source>
            <translation>МойСклад отклонил запрос: {reasons}.</translation>
        </message>
        <message>
            <source>MoySklad answered with an unexpected error (HTTP {status}). Try again later.</source>
            <translation>МойСклад ответил неожиданной ошибкой (HTTP {status}). Попробуйте позже.</translation>
        </message>
        <message>
            <source>MoySklad is limiting requests (other programs may use the same account) and kept refusing for too long. Try again in a few minutes.</source>
            <translation>МойСклад ограничивает частоту запросов (возможно, тем же аккаунтом пользуются другие программы) и слишком долго отказывал. Попробуйте через несколько минут.</translation>
        </message>
        <message>
            <source>MoySklad is having trouble (HTTP {status}). Try again later.</source>
            <translation>В МоёмСкладе неполадки (HTTP {status}). Попробуйте позже.</translation>
        </message>
        <message>
            <source>No connection to MoySklad. Check the internet connection and try again.</source>
            <translation>Нет связи с МоимСкладом. Проверьте подключение к интернету и попробуйте снова.</translation>
        </message>
        <message>
            <source>MoySklad did not answer in time. Check the internet connection and try again.</source>
            <translation>МойСклад не ответил вовремя. Проверьте подключение к интернету и попробуйте снова.</translation>
        </message>
        <message>
            <source>MoySklad kept sending unreadable answers. Try again later.</source>
            <translation>МойСклад раз за разом присылал нечитаемые ответы. Попробуйте позже.</translation>
        </message>
        <message>
            <source>The {service} address “{url}” is not a web address: it must start with https://.</source>
            <translation>Адрес {service} «{url}» — не веб-адрес: он должен начинаться с https://.</translation>
        </message>
        <message>
            <source>The {service} address “{url}” uses plain http://, which would send your token unencrypted. Use an https:// address (plain http:// is allowed only for this computer: localhost or 127.0.0.1).</source>
            <translation>Адрес {service} «{url}» использует обычный http://, и токен ушёл бы без шифрования. Укажите адрес https:// (обычный http:// допустим только для этого компьютера: localhost или 127.0.0.1).</translation>
        </message>
        <message>
            <source>The disk with the StockDesk folder {folder} is full: free some space and try again (everything saved before is kept).</source>
            <translation>Диск с папкой StockDesk {folder} заполнен: освободите место и попробуйте ещё раз (всё сохранённое ранее на месте).</translation>
        </message>
        <message>
            <source>The StockDesk folder {folder} is on a read-only disk: StockDesk cannot save there (everything saved before is kept).</source>
            <translation>Папка StockDesk {folder} находится на диске только для чтения: StockDesk не может туда сохранять (всё сохранённое ранее на месте).</translation>
        </message>
        <message>
            <source>StockDesk may not write to its folder {folder}: give this user the right to change it, or choose another folder with --data-dir.</source>
            <translation>У StockDesk нет права записи в свою папку {folder}: дайте этому пользователю право её изменять или выберите другую папку с помощью --data-dir.</translation>
        </message>
        <message>
            <source>The disk with the StockDesk folder {folder} could not be read or written: check the disk and try again.</source>
            <translation>Не удалось прочитать или записать диск с папкой StockDesk {folder}: проверьте диск и попробуйте ещё раз.</translation>
        </message>
        <message>
            <source>The StockDesk database {path} is damaged ({detail}). Start StockDesk again: it keeps a copy and rebuilds the database from the Evotor cloud.</source>
            <translation>База данных StockDesk {path} повреждена ({detail}). Запустите StockDesk снова: он сохранит копию и восстановит базу из облака Эвотор.</translation>
        </message>
        <message>
            <source>Something unexpected went wrong. The details are in the log file stockdesk.log in the data folder (see Help → About).</source>
            <translation>Произошла непредвиденная ошибка. Подробности — в журнале stockdesk.log в папке данных (см. Справка → О программе).</translation>
        </message>
        <message>
            <source>Yandex Market did not accept the API key. Create one in the seller cabinet (Settings → API and modules → Authorization tokens) with access to offers and stocks, and paste it.</source>
            <translation>Яндекс Маркет не принял ключ API. Создайте ключ в кабинете продавца (Настройки → API и модули → Токены авторизации) с доступом к товарам и остаткам и вставьте его.</translation>
        </message>
        <message>
            <source>Yandex Market refused access: the API key lacks the rights for offers and stocks, or belongs to another cabinet. Check the key's access groups in the seller cabinet.</source>
            <translation>Яндекс Маркет отказал в доступе: у ключа API нет прав на товары и остатки или он от другого кабинета. Проверьте доступы ключа в кабинете продавца.</translation>
        </message>
        <message>
            <source>Yandex Market does not know this campaign or business id. Check the ids in the seller cabinet (Settings → API and modules) and connect again.</source>
            <translation>Яндекс Маркет не знает такого идентификатора магазина или кабинета. Проверьте идентификаторы в кабинете продавца (Настройки → API и модули) и подключитесь заново.</translation>
        </message>
        <message>
            <source>Yandex Market says this stock method does not suit the cabinet (warehouse groups changed?). Connect Yandex Market again so StockDesk detects the right one.</source>
            <translation>Яндекс Маркет сообщает, что этот способ передачи остатков не подходит кабинету (изменились группы складов?). Подключите Яндекс Маркет заново, чтобы StockDesk определил правильный.</translation>
        </message>
        <message>
            <source>Yandex Market rejected the data: {reasons}.</source>
            <translation>Яндекс Маркет отклонил данные: {reasons}.</translation>
        </message>
        <message>
            <source>Yandex Market answered with an unexpected error (HTTP {status}). Try again later.</source>
            <translation>Яндекс Маркет ответил неожиданной ошибкой (HTTP {status}). Попробуйте позже.</translation>
        </message>
        <message>
            <source>Yandex Market is limiting requests and kept refusing for too long. Try again in a few minutes; items already sent are kept.</source>
            <translation>Яндекс Маркет ограничивает частоту запросов и слишком долго отказывал. Попробуйте через несколько минут; уже отправленное сохранено.</translation>
        </message>
        <message>
            <source>Yandex Market is having trouble (HTTP {status}). Try again later; items already sent are kept.</source>
            <translation>В Яндекс Маркете неполадки (HTTP {status}). Попробуйте позже; уже отправленное сохранено.</translation>
        </message>
        <message>
            <source>No connection to Yandex Market. Check the internet connection and try again.</source>
            <translation>Нет связи с Яндекс Маркетом. Проверьте подключение к интернету и попробуйте снова.</translation>
        </message>
        <message>
            <source>Yandex Market did not answer in time. Check the internet connection and try again.</source>
            <translation>Яндекс Маркет не ответил вовремя. Проверьте подключение к интернету и попробуйте снова.</translation>
        </message>
        <message>
            <source>Yandex Market kept sending unreadable answers. Try again later.</source>
            <translation>Яндекс Маркет раз за разом присылал нечитаемые ответы. Попробуйте позже.</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message>
            <source>Evotor token (from the Evotor cabinet, app Settings tab): </source>
            <translation>Токен Эвотора (из личного кабинета, вкладка «Настройки» приложения): </translation>
        </message>
        <message>
            <source>The token was not saved: set STOCKDESK_EVOTOR_TOKEN for the next commands.</source>
            <translation>Токен не сохранён: для следующих команд задайте STOCKDESK_EVOTOR_TOKEN.</translation>
        </message>
        <message>
            <source>{name}: {resolved} of {products} products resolved, {unresolved} need review, {documents} documents read</source>
            <translation>{name}: остатки найдены для {resolved} из {products} товаров, требуют проверки: {unresolved}, прочитано документов: {documents}</translation>
        </message>
        <message>
            <source>  Documents of types StockDesk does not know (not applied): {types}</source>
            <translation>  Документы неизвестных StockDesk типов (не учтены): {types}</translation>
        </message>
        <message>
            <source>  {n} products have documents that disagree with each other (stock edited outside the terminals, or documents missing); the newest document was used.</source>
            <translation>  У товаров ({n}) документы противоречат друг другу (остатки меняли не на терминалах или документов не хватает); использован самый новый документ.</translation>
        </message>
        <message>
            <source>  Receipts “{kind}”: this shop's history does not show whether they move stock; products whose last document is one are left for review.</source>
            <translation>  Чеки «{kind}»: по истории этого магазина не видно, меняют ли они остатки; товары, у которых последний документ такой, оставлены на проверку.</translation>
        </message>
        <message>
            <source>  Receipts “{kind}”: this shop's history shows they {verdict} stock.</source>
            <translation>  Чеки «{kind}»: по истории этого магазина они {verdict} остатки.</translation>
        </message>
        <message>
            <source>move</source>
            <translation>меняют</translation>
        </message>
        <message>
            <source>do not move</source>
            <translation>не меняют</translation>
        </message>
        <message>
            <source>{changes} to send, {unchanged} already right, {unresolved} without a value (not sent).</source>
            <translation>к отправке: {changes}, уже верны: {unchanged}, без значения (не отправляются): {unresolved}.</translation>
        </message>
        <message>
            <source>Send {n} balances to the Evotor cloud? [y/N] </source>
            <translation>Отправить остатки ({n}) в облако Эвотора? [y/N] </translation>
        </message>
        <message>
            <source>Refusing to push without confirmation: add --yes.</source>
            <translation>Без подтверждения отправлять не буду: добавьте --yes.</translation>
        </message>
        <message>
            <source>{ok} sent, {failed} failed.</source>
            <translation>отправлено: {ok}, с ошибкой: {failed}.</translation>
        </message>
        <message>
            <source>{n} not sent: by now the cloud already held them, or their value was withdrawn.</source>
            <translation>Не отправлено: {n} — к этому времени облако уже их содержало, или значение было отменено.</translation>
        </message>
        <message>
            <source>With the interrupted push: {n} sent in all.</source>
            <translation>Вместе с прерванной отправкой всего отправлено: {n}.</translation>
        </message>
        <message>
            <source>The push started {at} was interrupted after {sent} of {planned}. The list below is what finishing it sends now, at today's values.</source>
            <translation>Отправка, начатая {at}, прервалась после {sent} из {planned}. Ниже — что отправит её завершение сейчас, по сегодняшним значениям.</translation>
        </message>
        <message>
            <source>Make the cloud's value the owner's value and send it to the Evotor cloud? [y/N] </source>
            <translation>Принять значение из облака как ваше и отправить его в облако Эвотор? [y/N] </translation>
        </message>
        <message>
            <source>No IMSHOP key yet: run `stockdesk imshop key` first.</source>
            <translation>Ключа IMSHOP ещё нет: сначала выполните `stockdesk imshop key`.</translation>
        </message>
        <message>
            <source>No IMSHOP warehouses yet: every answer will be empty (`stockdesk imshop warehouse add`).</source>
            <translation>Складов IMSHOP ещё нет: все ответы будут пустыми (`stockdesk imshop warehouse add`).</translation>
        </message>
        <message>
            <source>IMSHOP availability webhook at {url}. Press Ctrl-C to stop.</source>
            <translation>Вебхук наличия для IMSHOP: {url}. Для остановки нажмите Ctrl-C.</translation>
        </message>
        <message>
            <source>Stopped: {answered}, {rejected}.</source>
            <translation>Остановлено: {answered}, {rejected}.</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) answered</source>
            <translation>
                <numerusform>обработан %n запрос</numerusform>
                <numerusform>обработано %n запроса</numerusform>
                <numerusform>обработано %n запросов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rejected</source>
            <translation>
                <numerusform>%n отклонён</numerusform>
                <numerusform>%n отклонено</numerusform>
                <numerusform>%n отклонено</numerusform>
            </translation>
        </message>
        <message>
            <source>Wrote {outlets} and {rows} to {file}.</source>
            <translation>В {file} записаны {outlets} и {rows}.</translation>
        </message>
        <message numerus="yes">
            <source>%n warehouse(s)</source>
            <translation>
                <numerusform>%n склад</numerusform>
                <numerusform>%n склада</numerusform>
                <numerusform>%n складов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n availability row(s)</source>
            <translation>
                <numerusform>%n строка наличия</numerusform>
                <numerusform>%n строки наличия</numerusform>
                <numerusform>%n строк наличия</numerusform>
            </translation>
        </message>
        <message>
            <source>IMSHOP key (from your IMSHOP manager): </source>
            <translation>Ключ IMSHOP (от вашего менеджера IMSHOP): </translation>
        </message>
        <message>
            <source>The IMSHOP key is forgotten: the webhook answers 401 to everything.</source>
            <translation>Ключ IMSHOP удалён: вебхук отвечает 401 на все запросы.</translation>
        </message>
        <message>
            <source>This computer has no keychain, so the key was not saved: set STOCKDESK_IMSHOP_TOKEN instead.</source>
            <translation>На этом компьютере нет хранилища паролей, ключ не сохранён: задайте вместо этого STOCKDESK_IMSHOP_TOKEN.</translation>
        </message>
        <message>
            <source>The IMSHOP key is saved in the keychain.</source>
            <translation>Ключ IMSHOP сохранён в хранилище паролей.</translation>
        </message>
        <message>
            <source>Offer id field: {field}; prices sent: {price}; listens on {host}:{port}; key: {key}</source>
            <translation>Поле идентификатора предложения: {field}; цены отправляются: {price}; адрес: {host}:{port}; ключ: {key}</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>да</translation>
        </message>
        <message>
            <source>no</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message numerus="yes">
            <source>%n offer(s)</source>
            <translation>
                <numerusform>%n предложение</numerusform>
                <numerusform>%n предложения</numerusform>
                <numerusform>%n предложений</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with unknown stock (not sent)</source>
            <translation>
                <numerusform>%n с неизвестным остатком (не отправляется)</numerusform>
                <numerusform>%n с неизвестным остатком (не отправляются)</numerusform>
                <numerusform>%n с неизвестным остатком (не отправляются)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shared by several products (not sent until an override says which)</source>
            <translation>
                <numerusform>%n общее для нескольких товаров (не отправляется, пока не указано, какой)</numerusform>
                <numerusform>%n общих для нескольких товаров (не отправляются, пока не указано, какой)</numerusform>
                <numerusform>%n общих для нескольких товаров (не отправляются, пока не указано, какой)</numerusform>
            </translation>
        </message>
        <message>
            <source>online</source>
            <translation>онлайн</translation>
        </message>
        <message>
            <source>There is no IMSHOP warehouse {warehouse}.</source>
            <translation>Склада IMSHOP {warehouse} нет.</translation>
        </message>
        <message>
            <source>There is no override for offer {offer}.</source>
            <translation>Для предложения {offer} нет ручного сопоставления.</translation>
        </message>
        <message>
            <source>Getting a token with the login and password revokes every MoySklad token this user has: other programs connected with one stop working. Add --revoke-other-tokens to go on, or set STOCKDESK_MOYSKLAD_TOKEN to an existing token instead.</source>
            <translation>Получение токена по логину и паролю отзывает все токены МоегоСклада этого пользователя: программы, подключённые с ними, перестанут работать. Чтобы продолжить, добавьте --revoke-other-tokens, или задайте в STOCKDESK_MOYSKLAD_TOKEN уже существующий токен.</translation>
        </message>
        <message>
            <source>MoySklad password: </source>
            <translation>Пароль МоегоСклада: </translation>
        </message>
        <message>
            <source>The password can only be typed on a terminal.</source>
            <translation>Пароль можно ввести только в терминале.</translation>
        </message>
        <message>
            <source>MoySklad token: </source>
            <translation>Токен МоегоСклада: </translation>
        </message>
        <message>
            <source>--map wants MS_STORE=EVOTOR_STORE (nothing after '=' counts it for no store).</source>
            <translation>--map ожидает СКЛАД_МС=МАГАЗИН_ЭВОТОРА (пусто после «=» — склад не учитывается ни для какого магазина).</translation>
        </message>
        <message>
            <source>No MoySklad store is counted for an Evotor store yet: use --map MS_STORE=EVOTOR_STORE.</source>
            <translation>Ни один склад МоегоСклада ещё не сопоставлен с магазином Эвотора: используйте --map СКЛАД_МС=МАГАЗИН_ЭВОТОРА.</translation>
        </message>
        <message>
            <source>{kind} import of “{stock_type}”: {rows} figures; {unknown} matched products without a figure (unknown, not zero); {unassigned} figures tied to no store (not counted).</source>
            <translation>{kind} загрузка «{stock_type}»: значений — {rows}; сопоставленных товаров без значения (неизвестно, не ноль) — {unknown}; значений без склада (не учтены) — {unassigned}.</translation>
        </message>
        <message>
            <source>{n} differences, {same} the same, {unknown} unknown in MoySklad.</source>
            <translation>расхождений: {n}, совпадает: {same}, неизвестно в МоёмСкладе: {unknown}.</translation>
        </message>
        <message>
            <source>Nothing to accept.</source>
            <translation>Принимать нечего.</translation>
        </message>
        <message>
            <source>Take MoySklad's figure for {n} products into the review? [y/N] </source>
            <translation>Взять значения МоегоСклада для товаров ({n}) в проверку? [y/N] </translation>
        </message>
        <message>
            <source>Refusing without confirmation: add --yes.</source>
            <translation>Без подтверждения не буду: добавьте --yes.</translation>
        </message>
        <message>
            <source>{n} values taken from MoySklad into the review.</source>
            <translation>Значений из МоегоСклада взято в проверку: {n}.</translation>
        </message>
        <message>
            <source>{n} values you typed wait for “evotor push”.</source>
            <translation>Введённых вами значений, ждущих «evotor push»: {n}.</translation>
        </message>
        <message>
            <source>{name} ({store}/{product}): the cloud had {cloud} with no document; StockDesk knew {known} on {known_at}; {value} written back.</source>
            <translation>{name} ({store}/{product}): в облаке было {cloud} без документа; StockDesk знал {known} на {known_at}; записано обратно {value}.</translation>
        </message>
        <message>
            <source>{name} ({store}/{product}): the cloud had {cloud} with no document; StockDesk knew {known} on {known_at}; writing back {value} failed.</source>
            <translation>{name} ({store}/{product}): в облаке было {cloud} без документа; StockDesk знал {known} на {known_at}; записать обратно {value} не удалось.</translation>
        </message>
        <message>
            <source>  It changed again after StockDesk wrote it back: another app or person writes to this account.</source>
            <translation>  Остаток снова изменился после записи StockDesk: в этот аккаунт пишет другое приложение или человек.</translation>
        </message>
        <message>
            <source>  If the cloud was right: stockdesk evotor accept-cloud {store} {product}</source>
            <translation>  Если право облако: stockdesk evotor accept-cloud {store} {product}</translation>
        </message>
        <message>
            <source>Several Evotor stores: choose one with --store.</source>
            <translation>Магазинов Эвотора несколько: выберите один через --store.</translation>
        </message>
        <message>
            <source>{auto} matched automatically, {manual} by you, {ambiguous} ambiguous, {unmatched} unmatched. Only matched items are ever sent.</source>
            <translation>сопоставлено автоматически: {auto}, вами: {manual}, неоднозначно: {ambiguous}, не сопоставлено: {unmatched}. Отправляются только сопоставленные.</translation>
        </message>
        <message>
            <source>Give the campaign id with --campaign (Yandex seller cabinet: Settings → API and modules).</source>
            <translation>Укажите идентификатор магазина через --campaign (кабинет продавца Яндекса: Настройки → API и модули).</translation>
        </message>
        <message>
            <source>Yandex Market API key: </source>
            <translation>Ключ API Яндекс Маркета: </translation>
        </message>
        <message>
            <source>Campaign {campaign}: {offers} offers, mode {mode}, stock sending {state}.</source>
            <translation>Магазин {campaign}: предложений — {offers}, режим {mode}, отправка остатков: {state}.</translation>
        </message>
        <message>
            <source>on</source>
            <translation>включена</translation>
        </message>
        <message>
            <source>off</source>
            <translation>выключена</translation>
        </message>
        <message>
            <source>Choose the warehouse with --warehouse ID.</source>
            <translation>Выберите склад через --warehouse ID.</translation>
        </message>
        <message>
            <source>Choose the Evotor store with --store ID.</source>
            <translation>Выберите магазин Эвотора через --store ID.</translation>
        </message>
        <message>
            <source>(negative, sent as 0)</source>
            <translation>(отрицательный, отправляется как 0)</translation>
        </message>
        <message>
            <source>(older than a day)</source>
            <translation>(старше суток)</translation>
        </message>
        <message>
            <source>{n} to send; {clamped} negative sent as 0; {stale} older than a day; {none} without a known stock, {ambiguous} ambiguous and {unmatched} unmatched are not sent.</source>
            <translation>к отправке: {n}; отрицательных, отправляемых как 0: {clamped}; старше суток: {stale}; не отправляются: без известного остатка — {none}, неоднозначных — {ambiguous}, несопоставленных — {unmatched}.</translation>
        </message>
        <message>
            <source>Finishing the Yandex Market push that was interrupted.</source>
            <translation>Завершаю прерванную отправку в Яндекс Маркет.</translation>
        </message>
        <message>
            <source>Send stock to Yandex Market? [y/N] </source>
            <translation>Отправить остатки в Яндекс Маркет? [y/N] </translation>
        </message>
    </context>
    <context>
        <name>Channels</name>
        <message numerus="yes">
            <source>%n item(s) could not be sent.</source>
            <translation>
                <numerusform>%n позицию не удалось отправить.</numerusform>
                <numerusform>%n позиции не удалось отправить.</numerusform>
                <numerusform>%n позиций не удалось отправить.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) changed in the cloud with no document: written back.</source>
            <translation>
                <numerusform>%n остаток изменился в облаке без документа: записан обратно.</numerusform>
                <numerusform>%n остатка изменились в облаке без документа: записаны обратно.</numerusform>
                <numerusform>%n остатков изменились в облаке без документа: записаны обратно.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) need a product chosen.</source>
            <translation>
                <numerusform>%n позиции нужно выбрать товар.</numerusform>
                <numerusform>%n позициям нужно выбрать товар.</numerusform>
                <numerusform>%n позициям нужно выбрать товар.</numerusform>
            </translation>
        </message>
        <message>
            <source>Evotor cloud</source>
            <translation>Облако Эвотор</translation>
        </message>
        <message>
            <source>Yandex Market</source>
            <translation>Яндекс Маркет</translation>
        </message>
        <message>
            <source>MoySklad</source>
            <translation>МойСклад</translation>
        </message>
        <message>
            <source>IMSHOP</source>
            <translation>IMSHOP</translation>
        </message>
        <message>
            <source>Not connected.</source>
            <translation>Не подключено.</translation>
        </message>
        <message>
            <source>Switched off: nothing is sent.</source>
            <translation>Выключено: ничего не отправляется.</translation>
        </message>
        <message>
            <source>Not synced yet: press Sync now.</source>
            <translation>Ещё не синхронизировано: нажмите «Синхронизировать».</translation>
        </message>
        <message>
            <source>The last sync failed.</source>
            <translation>Последняя синхронизация не удалась.</translation>
        </message>
        <message>
            <source>In step.</source>
            <translation>Остатки совпадают.</translation>
        </message>
        <message>
            <source>Not set up: give the IMSHOP key and a warehouse.</source>
            <translation>Не настроено: укажите ключ IMSHOP и склад.</translation>
        </message>
        <message>
            <source>Running; last error: %1</source>
            <translation>Работает; последняя ошибка: %1</translation>
        </message>
        <message>
            <source>The webhook is running.</source>
            <translation>Вебхук работает.</translation>
        </message>
        <message>
            <source>Stopped: %1</source>
            <translation>Остановлен: %1</translation>
        </message>
        <message>
            <source>The webhook is stopped.</source>
            <translation>Вебхук остановлен.</translation>
        </message>
    </context>
    <context>
        <name>AccountsPage</name>
        <message>
            <source>StockDesk can keep your sales channels in step with the Evotor stock. This is optional: press Next to skip any of them, and connect them any time later in Settings.</source>
            <translation>StockDesk может поддерживать остатки в ваших каналах продаж в соответствии с Эвотором. Это необязательно: нажмите «Далее», чтобы пропустить любой из них, и подключите их позже в настройках.</translation>
        </message>
        <message>
            <source>Optional: other places that should know your stock.</source>
            <translation>Необязательно: другие места, где нужны ваши остатки.</translation>
        </message>
    </context>
    <context>
        <name>Activity</name>
        <message>
            <source>Evotor connected: %n store(s)</source>
            <translation>Эвотор подключён, магазинов: %n</translation>
        </message>
        <message>
            <source>{name}: the Evotor cloud had {cloud} with no document (StockDesk knew {known} on {known_at}); {value} written back{repeated}</source>
            <translation>{name}: в облаке Эвотор было {cloud} без документа (StockDesk знал {known} на {known_at}); записано обратно: {value}{repeated}</translation>
        </message>
        <message>
            <source>{channel} matching: {auto} automatic, {manual} by the owner, {ambiguous} ambiguous, {unmatched} unmatched</source>
            <translation>Сопоставление {channel}: {auto} автоматически, {manual} вручную, {ambiguous} неоднозначно, {unmatched} без пары</translation>
        </message>
        <message>
            <source>{channel} item {target} mapped to {product}</source>
            <translation>Позиция {channel} {target} сопоставлена с {product}</translation>
        </message>
        <message>
            <source>MoySklad connected: %n store(s)</source>
            <translation>МойСклад подключён, складов: %n</translation>
        </message>
        <message>
            <source>Stock of record for sales channels: {source}</source>
            <translation>Источник остатков для каналов продаж: {source}</translation>
        </message>
        <message>
            <source>MoySklad import ({kind}, {stock_type}): %n row(s), {unknown} mapped product(s) without a figure, {unassigned} without a store</source>
            <translation>Загрузка из МоегоСклада ({kind}, {stock_type}): строк: %n, сопоставленных товаров без числа: {unknown}, без склада: {unassigned}</translation>
        </message>
        <message>
            <source>%n value(s) taken from MoySklad</source>
            <translation>Взято значений из МоегоСклада: %n</translation>
        </message>
        <message>
            <source>Evotor: %n balance(s) sent, {failed} failed</source>
            <translation>Эвотор: отправлено остатков: %n, ошибок: {failed}</translation>
        </message>
        <message>
            <source>{store}: {resolved} of %n product(s) resolved, {unresolved} need review, {documents} documents read</source>
            <translation>{store}: определено {resolved} из %n товаров (всего), на проверку: {unresolved}, прочитано документов: {documents}</translation>
        </message>
        <message>
            <source>%n value(s) imported from {file}</source>
            <translation>Загружено значений из {file}: %n</translation>
        </message>
        <message>
            <source>Sync: {steps}</source>
            <translation>Синхронизация: {steps}</translation>
        </message>
        <message>
            <source>Yandex Market connected: campaign {campaign}, %n offer(s)</source>
            <translation>Яндекс Маркет подключён: кампания {campaign}, товаров: %n</translation>
        </message>
        <message>
            <source>Yandex Market: %n offer(s), {mapped} mapped, {ambiguous} ambiguous, {unmatched} unmatched</source>
            <translation>Яндекс Маркет: товаров: %n, сопоставлено {mapped}, неоднозначно {ambiguous}, без пары {unmatched}</translation>
        </message>
        <message>
            <source>Yandex Market stock push switched on</source>
            <translation>Отправка остатков в Яндекс Маркет включена</translation>
        </message>
        <message>
            <source>Yandex Market stock push switched off</source>
            <translation>Отправка остатков в Яндекс Маркет выключена</translation>
        </message>
        <message>
            <source>Yandex Market: %n stock value(s) sent, {failed} failed, {clamped} negative sent as 0, {stale} older than a day</source>
            <translation>Яндекс Маркет: отправлено остатков: %n, ошибок {failed}, отрицательных отправлено как 0: {clamped}, старше суток: {stale}</translation>
        </message>
    </context>
    <context>
        <name>ActivityModel</name>
        <message>
            <source>Account</source>
            <translation>Учётная запись</translation>
        </message>
        <message>
            <source>Reconstruction</source>
            <translation>Восстановление</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Проверка</translation>
        </message>
        <message>
            <source>Push</source>
            <translation>Отправка</translation>
        </message>
        <message>
            <source>Sales channels</source>
            <translation>Каналы продаж</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Ошибка</translation>
        </message>
        <message>
            <source>When</source>
            <translation>Когда</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Что</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Подробности</translation>
        </message>
    </context>
    <context>
        <name>ActivityTab</name>
        <message>
            <source>Activity</source>
            <translation>Журнал</translation>
        </message>
    </context>
    <context>
        <name>ChannelCard</name>
        <message>
            <source>Last sync:</source>
            <translation>Синхронизация:</translation>
        </message>
        <message>
            <source>Items:</source>
            <translation>Позиции:</translation>
        </message>
        <message>
            <source>never</source>
            <translation>никогда</translation>
        </message>
        <message numerus="yes">
            <source>%n read</source>
            <translation>
                <numerusform>прочитана %n</numerusform>
                <numerusform>прочитано %n</numerusform>
                <numerusform>прочитано %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n answered</source>
            <translation>
                <numerusform>%n ответ</numerusform>
                <numerusform>%n ответа</numerusform>
                <numerusform>%n ответов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sent</source>
            <translation>
                <numerusform>отправлена %n</numerusform>
                <numerusform>отправлено %n</numerusform>
                <numerusform>отправлено %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n с ошибкой</numerusform>
                <numerusform>%n с ошибкой</numerusform>
                <numerusform>%n с ошибкой</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChannelForm</name>
        <message>
            <source>Check and connect</source>
            <translation>Проверить и подключить</translation>
        </message>
        <message>
            <source>Keep it for this run only</source>
            <translation>Сохранить только до закрытия программы</translation>
        </message>
        <message>
            <source>Connected. Fill in the fields only to change the connection.</source>
            <translation>Подключено. Заполняйте поля, только если хотите изменить подключение.</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>Проверка…</translation>
        </message>
        <message>
            <source>The key is kept for this run only.</source>
            <translation>Ключ хранится только до закрытия программы.</translation>
        </message>
        <message>
            <source>The key comes from an environment variable and is not stored.</source>
            <translation>Ключ взят из переменной окружения и не сохраняется.</translation>
        </message>
        <message>
            <source>The key is saved in this computer's password keychain.</source>
            <translation>Ключ сохранён в хранилище паролей этого компьютера.</translation>
        </message>
    </context>
    <context>
        <name>ChannelsTab</name>
        <message>
            <source>S&amp;ync now</source>
            <translation>&amp;Синхронизировать</translation>
        </message>
        <message>
            <source>Read what changed in Evotor (and MoySklad), then send it to the channels that are switched on</source>
            <translation>Прочитать изменения в Эвоторе (и МоёмСкладе) и отправить их во включённые каналы</translation>
        </message>
        <message>
            <source>Sync &amp;every</source>
            <translation>Синхронизировать кажд&amp;ые</translation>
        </message>
        <message>
            <source> min</source>
            <translation> мин</translation>
        </message>
        <message>
            <source>Minutes between syncs</source>
            <translation>Минут между синхронизациями</translation>
        </message>
        <message>
            <source>while StockDesk is open</source>
            <translation>пока StockDesk открыт</translation>
        </message>
        <message>
            <source>Syncing…</source>
            <translation>Синхронизация…</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n позиция</numerusform>
                <numerusform>%n позиции</numerusform>
                <numerusform>%n позиций</numerusform>
            </translation>
        </message>
        <message>
            <source>failed</source>
            <translation>ошибка</translation>
        </message>
    </context>
    <context>
        <name>CompareModel</name>
        <message>
            <source>documents</source>
            <translation>документы</translation>
        </message>
        <message>
            <source>your value</source>
            <translation>ваше значение</translation>
        </message>
        <message>
            <source>Evotor cloud</source>
            <translation>Облако Эвотор</translation>
        </message>
        <message>
            <source>not settled yet</source>
            <translation>ещё не определено</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>пропущено</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Товар</translation>
        </message>
        <message>
            <source>StockDesk</source>
            <translation>StockDesk</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Откуда</translation>
        </message>
        <message>
            <source>MoySklad</source>
            <translation>МойСклад</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Разница</translation>
        </message>
    </context>
    <context>
        <name>ConnectForm</name>
        <message>
            <source>Where do I find my token?</source>
            <translation>Где взять токен?</translation>
        </message>
        <message>
            <source>&lt;ol&gt;&lt;li&gt;Open your Evotor personal cabinet (lk.evotor.ru) and sign in.&lt;/li&gt;&lt;li&gt;Go to &lt;b&gt;My apps&lt;/b&gt; and open &lt;b&gt;StockDesk&lt;/b&gt; (install it from the Evotor app store first if it is not there).&lt;/li&gt;&lt;li&gt;Open the app's &lt;b&gt;Settings&lt;/b&gt; tab and copy the token shown there.&lt;/li&gt;&lt;li&gt;Paste it below and press &lt;b&gt;Check&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;The token lets StockDesk read your stores, products and documents and change stock balances. It never leaves this computer except to talk to Evotor.</source>
            <translation>&lt;ol&gt;&lt;li&gt;Откройте личный кабинет Эвотора (lk.evotor.ru) и войдите.&lt;/li&gt;&lt;li&gt;Перейдите в раздел &lt;b&gt;Мои приложения&lt;/b&gt; и откройте &lt;b&gt;StockDesk&lt;/b&gt; (если его там нет, сначала установите его из магазина приложений Эвотора).&lt;/li&gt;&lt;li&gt;Откройте вкладку приложения &lt;b&gt;Настройки&lt;/b&gt; и скопируйте показанный там токен.&lt;/li&gt;&lt;li&gt;Вставьте его ниже и нажмите &lt;b&gt;Проверить&lt;/b&gt;.&lt;/li&gt;&lt;/ol&gt;С токеном StockDesk может читать ваши магазины, товары и документы и менять остатки. Токен никуда не уходит с этого компьютера — только в Эвотор.</translation>
        </message>
        <message>
            <source>Paste the token here</source>
            <translation>Вставьте токен сюда</translation>
        </message>
        <message>
            <source>Evotor token</source>
            <translation>Токен Эвотора</translation>
        </message>
        <message>
            <source>&amp;Token:</source>
            <translation>&amp;Токен:</translation>
        </message>
        <message>
            <source>S&amp;how</source>
            <translation>&amp;Показать</translation>
        </message>
        <message>
            <source>&amp;Check</source>
            <translation>Пр&amp;оверить</translation>
        </message>
        <message>
            <source>&amp;Keep it for this run only</source>
            <translation>&amp;Держать только до закрытия программы</translation>
        </message>
        <message>
            <source>A token is set in the %1 environment variable: press Check to use it.</source>
            <translation>Токен задан в переменной окружения %1: нажмите «Проверить», чтобы использовать его.</translation>
        </message>
        <message>
            <source>Evotor is connected. Paste a new token only if you want to replace it.</source>
            <translation>Эвотор подключён. Вставляйте новый токен, только если хотите заменить прежний.</translation>
        </message>
        <message>
            <source>Paste the token first.</source>
            <translation>Сначала вставьте токен.</translation>
        </message>
        <message>
            <source>Checking with Evotor…</source>
            <translation>Проверяю в Эвоторе…</translation>
        </message>
        <message>
            <source>Connected to the demo shop.</source>
            <translation>Подключено к демо-магазину.</translation>
        </message>
        <message>
            <source>Connected. The token is saved in this computer's password keychain.</source>
            <translation>Подключено. Токен сохранён в хранилище паролей этого компьютера.</translation>
        </message>
        <message>
            <source>Connected with the token from the %1 environment variable (it is not stored).</source>
            <translation>Подключено с токеном из переменной окружения %1 (он нигде не сохраняется).</translation>
        </message>
        <message>
            <source>Connected. The token is kept for this run only: StockDesk will ask for it again next time.</source>
            <translation>Подключено. Токен хранится только до закрытия программы: в следующий раз StockDesk спросит его снова.</translation>
        </message>
        <message>
            <source>since %1</source>
            <translation>с %1</translation>
        </message>
        <message numerus="yes">
            <source>%n store(s) found:</source>
            <translation>
                <numerusform>Найден %n магазин:</numerusform>
                <numerusform>Найдено %n магазина:</numerusform>
                <numerusform>Найдено %n магазинов:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConnectPage</name>
        <message>
            <source>StockDesk needs the token of its Evotor app to read your documents and set stock.</source>
            <translation>StockDesk нужен токен его приложения в Эвоторе, чтобы читать документы и устанавливать остатки.</translation>
        </message>
        <message>
            <source>Demo: the demo shop's token is already in place. Press Check.</source>
            <translation>Демо: токен демо-магазина уже на месте. Нажмите «Проверить».</translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message>
            <source>StockDesk is ready.</source>
            <translation>StockDesk готов к работе.</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s)</source>
            <translation>
                <numerusform>%n товар</numerusform>
                <numerusform>%n товара</numerusform>
                <numerusform>%n товаров</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n got their number from the documents</source>
            <translation>
                <numerusform>у %n товара остаток взят из документов</numerusform>
                <numerusform>у %n товаров остаток взят из документов</numerusform>
                <numerusform>у %n товаров остаток взят из документов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n still need your decision (Review tab)</source>
            <translation>
                <numerusform>%n ещё ждёт вашего решения (вкладка «Проверка»)</numerusform>
                <numerusform>%n ещё ждут вашего решения (вкладка «Проверка»)</numerusform>
                <numerusform>%n ещё ждут вашего решения (вкладка «Проверка»)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) sent to Evotor</source>
            <translation>
                <numerusform>%n остаток отправлен в Эвотор</numerusform>
                <numerusform>%n остатка отправлено в Эвотор</numerusform>
                <numerusform>%n остатков отправлено в Эвотор</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing has been sent yet: use &lt;b&gt;Send to Evotor&lt;/b&gt; in the main window when you are ready.</source>
            <translation>Пока ничего не отправлено: когда будете готовы, нажмите &lt;b&gt;Отправить в Эвотор&lt;/b&gt; в главном окне.</translation>
        </message>
        <message>
            <source>The main window shows every product and where its number comes from. Run the reconstruction again any time to take in new documents.</source>
            <translation>В главном окне видны все товары и откуда взят каждый остаток. Запускайте восстановление снова в любое время, чтобы учесть новые документы.</translation>
        </message>
    </context>
    <context>
        <name>DriftPanel</name>
        <message>
            <source>Product</source>
            <translation>Товар</translation>
        </message>
        <message>
            <source>The cloud had</source>
            <translation>В облаке было</translation>
        </message>
        <message>
            <source>StockDesk knew</source>
            <translation>StockDesk знал</translation>
        </message>
        <message>
            <source>Written back</source>
            <translation>Записано обратно</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <source>The cloud is &amp;right</source>
            <translation>&amp;Облако право</translation>
        </message>
        <message>
            <source>Make the cloud's value this product's value and send it back to Evotor</source>
            <translation>Принять значение из облака для этого товара и отправить его обратно в Эвотор</translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) in the Evotor cloud changed with no document since StockDesk last saw them. StockDesk wrote its values back. If the cloud was right, choose the product and press «The cloud is right».</source>
            <translation>
                <numerusform>%n остаток в облаке Эвотор изменился без документа с тех пор, как StockDesk видел его в последний раз. StockDesk записал своё значение обратно. Если право облако, выберите товар и нажмите «Облако право».</numerusform>
                <numerusform>%n остатка в облаке Эвотор изменились без документа с тех пор, как StockDesk видел их в последний раз. StockDesk записал свои значения обратно. Если право облако, выберите товар и нажмите «Облако право».</numerusform>
                <numerusform>%n остатков в облаке Эвотор изменились без документа с тех пор, как StockDesk видел их в последний раз. StockDesk записал свои значения обратно. Если право облако, выберите товар и нажмите «Облако право».</numerusform>
            </translation>
        </message>
        <message>
            <source>Changes again after each write: another app or person writes to this account</source>
            <translation>Меняется после каждой записи: в этот аккаунт пишет другое приложение или человек</translation>
        </message>
        <message>
            <source>Could not be written back</source>
            <translation>Не удалось записать обратно</translation>
        </message>
        <message>
            <source>The cloud is right</source>
            <translation>Облако право</translation>
        </message>
        <message>
            <source>Make %1 the stock of «%2» and send it to the Evotor cloud (and from there to the sales channels)?</source>
            <translation>Сделать остаток «%2» равным %1 и отправить его в облако Эвотор (а оттуда — в каналы продаж)?</translation>
        </message>
        <message>
            <source>Sending to Evotor…</source>
            <translation>Отправляю в Эвотор…</translation>
        </message>
        <message>
            <source>Done: «%1» is %2 in StockDesk and in the cloud.</source>
            <translation>Готово: «%1» — %2 и в StockDesk, и в облаке.</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>Sale</source>
            <translation>Продажа</translation>
        </message>
        <message>
            <source>Customer return</source>
            <translation>Возврат покупателя</translation>
        </message>
        <message>
            <source>Acceptance</source>
            <translation>Приёмка</translation>
        </message>
        <message>
            <source>Write-off</source>
            <translation>Списание</translation>
        </message>
        <message>
            <source>Return to supplier</source>
            <translation>Возврат поставщику</translation>
        </message>
        <message>
            <source>Purchase from a customer</source>
            <translation>Выкуп у покупателя</translation>
        </message>
        <message>
            <source>Buyback</source>
            <translation>Обратный выкуп</translation>
        </message>
        <message>
            <source>Inventory</source>
            <translation>Инвентаризация</translation>
        </message>
        <message>
            <source>Tare opening</source>
            <translation>Вскрытие тары</translation>
        </message>
        <message>
            <source>Revaluation</source>
            <translation>Переоценка</translation>
        </message>
        <message>
            <source>sold {q}</source>
            <translation>продано {q}</translation>
        </message>
        <message>
            <source>returned by a customer {q}</source>
            <translation>возвращено покупателем {q}</translation>
        </message>
        <message>
            <source>accepted {q}</source>
            <translation>принято {q}</translation>
        </message>
        <message>
            <source>written off {q}</source>
            <translation>списано {q}</translation>
        </message>
        <message>
            <source>returned to the supplier {q}</source>
            <translation>возвращено поставщику {q}</translation>
        </message>
        <message>
            <source>bought from a customer {q}</source>
            <translation>выкуплено у покупателя {q}</translation>
        </message>
        <message>
            <source>bought back {q}</source>
            <translation>выкуплено обратно {q}</translation>
        </message>
        <message>
            <source>counted {q}</source>
            <translation>посчитано {q}</translation>
        </message>
        <message>
            <source>No document mentions it</source>
            <translation>Нет ни одного документа</translation>
        </message>
        <message>
            <source>A document's effect on stock is unclear</source>
            <translation>Неясно, как документ изменил остаток</translation>
        </message>
        <message>
            <source>From documents</source>
            <translation>Из документов</translation>
        </message>
        <message>
            <source>Needs your decision</source>
            <translation>Нужно решение</translation>
        </message>
        <message>
            <source>Entered by you</source>
            <translation>Введено вами</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>Услуга</translation>
        </message>
        <message>
            <source>keep the cloud value</source>
            <translation>оставить как в облаке</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>пропущено</translation>
        </message>
        <message>
            <source>Enter a number.</source>
            <translation>Введите число.</translation>
        </message>
        <message>
            <source>This is not a number.</source>
            <translation>Это не число.</translation>
        </message>
        <message>
            <source>At most 3 digits after the decimal point.</source>
            <translation>Не больше 3 цифр после запятой.</translation>
        </message>
        <message>
            <source>This product is sold by the piece: enter a whole number.</source>
            <translation>Этот товар продаётся поштучно: введите целое число.</translation>
        </message>
        <message>
            <source>Too large: at most 7 digits before the decimal point.</source>
            <translation>Слишком большое: не больше 7 цифр до запятой.</translation>
        </message>
        <message>
            <source>stopped early: every product was resolved</source>
            <translation>остановлено раньше: остатки всех товаров найдены</translation>
        </message>
        <message>
            <source>stopped at a complete inventory</source>
            <translation>остановлено на полной инвентаризации</translation>
        </message>
        <message>
            <source>read back to the day the store was created</source>
            <translation>прочитано до дня создания магазина</translation>
        </message>
        <message>
            <source>only what arrived since the last run</source>
            <translation>только пришедшее после прошлого запуска</translation>
        </message>
        <message>
            <source>{h} h {m} min</source>
            <translation>{h} ч {m} мин</translation>
        </message>
        <message>
            <source>{m} min {s} s</source>
            <translation>{m} мин {s} с</translation>
        </message>
        <message>
            <source>{s} s</source>
            <translation>{s} с</translation>
        </message>
        <message>
            <source>{doc} №{number}</source>
            <translation>{doc} №{number}</translation>
        </message>
        <message>
            <source>{doc}, {date}</source>
            <translation>{doc}, {date}</translation>
        </message>
        <message>
            <source>A service: no stock is kept</source>
            <translation>Услуга: остаток не ведётся</translation>
        </message>
        <message>
            <source>Entered by you: {value}</source>
            <translation>Введено вами: {value}</translation>
        </message>
        <message>
            <source>{document}: its effect on stock is unclear</source>
            <translation>{document}: неясно, изменил ли он остаток</translation>
        </message>
        <message>
            <source>{document}: before {before}, {movement} → {after}</source>
            <translation>{document}: было {before}, {movement} → {after}</translation>
        </message>
        <message>
            <source>{document} → {after}</source>
            <translation>{document} → {after}</translation>
        </message>
        <message>
            <source>This value cannot be a stock balance.</source>
            <translation>Такое значение не может быть остатком.</translation>
        </message>
        <message>
            <source>Below zero: allowed, but please check it.</source>
            <translation>Меньше нуля: так можно, но проверьте, пожалуйста.</translation>
        </message>
    </context>
    <context>
        <name>ImshopForm</name>
        <message>
            <source>Tell your IMSHOP app what each store has. The key comes from your IMSHOP manager; add a warehouse for every store the app shows.</source>
            <translation>Сообщайте приложению IMSHOP, что есть в каждом магазине. Ключ выдаёт ваш менеджер IMSHOP; добавьте склад для каждого магазина, который показывает приложение.</translation>
        </message>
        <message>
            <source>Save the key</source>
            <translation>Сохранить ключ</translation>
        </message>
        <message>
            <source>Paste the IMSHOP key</source>
            <translation>Вставьте ключ IMSHOP</translation>
        </message>
        <message>
            <source>IMSHOP key</source>
            <translation>Ключ IMSHOP</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>Ключ:</translation>
        </message>
        <message>
            <source>warehouseId, e.g. 1</source>
            <translation>warehouseId, например 1</translation>
        </message>
        <message>
            <source>Online warehouse (delivers to other cities)</source>
            <translation>Онлайн-склад (доставляет в другие города)</translation>
        </message>
        <message>
            <source>Add the warehouse</source>
            <translation>Добавить склад</translation>
        </message>
        <message>
            <source>Remove the selected</source>
            <translation>Удалить выбранный</translation>
        </message>
        <message>
            <source>Warehouses:</source>
            <translation>Склады:</translation>
        </message>
        <message>
            <source>Store:</source>
            <translation>Магазин:</translation>
        </message>
        <message>
            <source>Warehouse id:</source>
            <translation>Id склада:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Название:</translation>
        </message>
        <message>
            <source>City:</source>
            <translation>Город:</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Адрес:</translation>
        </message>
        <message>
            <source>Latitude, longitude:</source>
            <translation>Широта, долгота:</translation>
        </message>
        <message>
            <source>Paste the key first.</source>
            <translation>Сначала вставьте ключ.</translation>
        </message>
        <message>
            <source>Saved. Start the webhook on the Sales channels tab.</source>
            <translation>Сохранено. Запустите вебхук на вкладке «Каналы продаж».</translation>
        </message>
        <message>
            <source>Warehouse saved.</source>
            <translation>Склад сохранён.</translation>
        </message>
    </context>
    <context>
        <name>ImshopPage</name>
        <message>
            <source>Sta&amp;rt the webhook</source>
            <translation>&amp;Запустить вебхук</translation>
        </message>
        <message>
            <source>Stop the &amp;webhook</source>
            <translation>Ос&amp;тановить вебхук</translation>
        </message>
        <message>
            <source>Write the feed as &amp;XML…</source>
            <translation>Записать фид в &amp;XML…</translation>
        </message>
        <message>
            <source>Save the availability feed (XML) for IMSHOP to download</source>
            <translation>Сохранить фид наличия (XML), который будет скачивать IMSHOP</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Адрес:</translation>
        </message>
        <message>
            <source>Requests answered:</source>
            <translation>Обработано запросов:</translation>
        </message>
        <message>
            <source>Last error:</source>
            <translation>Последняя ошибка:</translation>
        </message>
        <message>
            <source>Warehouses:</source>
            <translation>Склады:</translation>
        </message>
        <message>
            <source>IMSHOP asks this webhook how many of each product the shop has when a customer opens a product card. It answers from StockDesk's balances while StockDesk runs. IMSHOP needs an HTTPS address: put a tunnel or reverse proxy in front of it. Without one, write the feed file instead.</source>
            <translation>IMSHOP спрашивает у этого вебхука, сколько товара есть в магазине, когда покупатель открывает карточку товара. Он отвечает по остаткам StockDesk, пока StockDesk работает. IMSHOP нужен адрес HTTPS: поставьте перед вебхуком туннель или обратный прокси. Если это невозможно, записывайте файл фида.</translation>
        </message>
        <message>
            <source>%1 answered, %2 refused</source>
            <translation>%1 обработано, %2 отклонено</translation>
        </message>
        <message>
            <source>none yet: add them in Settings</source>
            <translation>пока нет: добавьте их в настройках</translation>
        </message>
        <message>
            <source>Starting the webhook…</source>
            <translation>Запуск вебхука…</translation>
        </message>
        <message>
            <source>The webhook answers at %1</source>
            <translation>Вебхук отвечает по адресу %1</translation>
        </message>
        <message>
            <source>Stopping the webhook…</source>
            <translation>Остановка вебхука…</translation>
        </message>
        <message>
            <source>The webhook is stopped.</source>
            <translation>Вебхук остановлен.</translation>
        </message>
        <message>
            <source>Write the IMSHOP availability feed</source>
            <translation>Запись фида наличия IMSHOP</translation>
        </message>
        <message>
            <source>XML files (*.xml)</source>
            <translation>Файлы XML (*.xml)</translation>
        </message>
        <message>
            <source>Writing the feed…</source>
            <translation>Запись фида…</translation>
        </message>
        <message>
            <source>Feed written to %1: %2 outlet(s), %3 availability row(s).</source>
            <translation>Фид записан в %1: точек продаж — %2, строк наличия — %3.</translation>
        </message>
    </context>
    <context>
        <name>JobPage</name>
        <message>
            <source>Stopped.</source>
            <translation>Остановлено.</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>StockDesk — Demo</source>
            <translation>StockDesk — демо</translation>
        </message>
        <message>
            <source>StockDesk</source>
            <translation>StockDesk</translation>
        </message>
        <message>
            <source>&amp;Overview</source>
            <translation>&amp;Обзор</translation>
        </message>
        <message>
            <source>&amp;Products</source>
            <translation>&amp;Товары</translation>
        </message>
        <message>
            <source>Re&amp;view</source>
            <translation>&amp;Проверка</translation>
        </message>
        <message>
            <source>&amp;Send to Evotor</source>
            <translation>Отправка в &amp;Эвотор</translation>
        </message>
        <message>
            <source>Sales channe&amp;ls</source>
            <translation>&amp;Каналы продаж</translation>
        </message>
        <message>
            <source>&amp;Activity</source>
            <translation>&amp;Журнал</translation>
        </message>
        <message>
            <source>Demo: a made-up shop on this computer. Nothing real is read or changed, and everything is forgotten when you close StockDesk.</source>
            <translation>Демо: вымышленный магазин на этом компьютере. Ничего настоящего не читается и не меняется, а всё забудется, когда вы закроете StockDesk.</translation>
        </message>
        <message>
            <source>Data folder: %1</source>
            <translation>Папка данных: %1</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Файл</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Настройки…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Выход</translation>
        </message>
        <message>
            <source>S&amp;tock</source>
            <translation>Ост&amp;атки</translation>
        </message>
        <message>
            <source>&amp;Re-run reconstruction</source>
            <translation>&amp;Восстановить заново</translation>
        </message>
        <message>
            <source>&amp;Send to Evotor…</source>
            <translation>О&amp;тправить в Эвотор…</translation>
        </message>
        <message>
            <source>S&amp;ync sales channels now</source>
            <translation>&amp;Синхронизировать каналы продаж</translation>
        </message>
        <message>
            <source>Re&amp;fresh</source>
            <translation>О&amp;бновить</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Справка</translation>
        </message>
        <message>
            <source>Open the &amp;data folder</source>
            <translation>Открыть &amp;папку данных</translation>
        </message>
        <message>
            <source>&amp;About StockDesk</source>
            <translation>&amp;О программе StockDesk</translation>
        </message>
        <message>
            <source>About StockDesk</source>
            <translation>О программе StockDesk</translation>
        </message>
        <message>
            <source>&lt;h3&gt;StockDesk %1&lt;/h3&gt;&lt;p&gt;Rebuilds the stock of your Evotor stores from the terminals' documents and keeps the Evotor cloud in step.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;br&gt;Log file: %3&lt;/p&gt;</source>
            <translation>&lt;h3&gt;StockDesk %1&lt;/h3&gt;&lt;p&gt;Восстанавливает остатки ваших магазинов Эвотор по документам терминалов и поддерживает облако Эвотора в актуальном состоянии.&lt;/p&gt;&lt;p&gt;Папка данных: %2&lt;br&gt;Журнал: %3&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Stop and quit?</source>
            <translation>Остановить и выйти?</translation>
        </message>
        <message>
            <source>StockDesk is still working. Stop now? Everything done so far is kept, and StockDesk continues where it stopped next time.</source>
            <translation>StockDesk ещё работает. Остановить сейчас? Всё сделанное сохранится, и в следующий раз StockDesk продолжит с того же места.</translation>
        </message>
    </context>
    <context>
        <name>MappingModel</name>
        <message>
            <source>Matched automatically</source>
            <translation>Сопоставлено автоматически</translation>
        </message>
        <message>
            <source>Several products fit</source>
            <translation>Подходят несколько товаров</translation>
        </message>
        <message>
            <source>No product found</source>
            <translation>Товар не найден</translation>
        </message>
        <message>
            <source>Chosen by you</source>
            <translation>Выбрано вами</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Позиция</translation>
        </message>
        <message>
            <source>Name in the channel</source>
            <translation>Название в канале</translation>
        </message>
        <message>
            <source>Evotor product</source>
            <translation>Товар Эвотора</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Статус</translation>
        </message>
        <message>
            <source>none of my products</source>
            <translation>не мой товар</translation>
        </message>
        <message numerus="yes">
            <source>%n candidate(s): choose one</source>
            <translation>
                <numerusform>%n вариант: выберите</numerusform>
                <numerusform>%n варианта: выберите один</numerusform>
                <numerusform>%n вариантов: выберите один</numerusform>
            </translation>
        </message>
        <message>
            <source>Double-click to choose the Evotor product</source>
            <translation>Дважды щёлкните, чтобы выбрать товар Эвотора</translation>
        </message>
        <message>
            <source>— none of my products —</source>
            <translation>— ни один из моих товаров —</translation>
        </message>
        <message>
            <source>%1 (fits)</source>
            <translation>%1 (подходит)</translation>
        </message>
    </context>
    <context>
        <name>MappingView</name>
        <message>
            <source>Product mapping</source>
            <translation>Сопоставление товаров</translation>
        </message>
        <message>
            <source>Show only those that need a &amp;choice</source>
            <translation>Только требующие &amp;выбора</translation>
        </message>
        <message>
            <source>Let StockDesk &amp;decide</source>
            <translation>Пусть StockDesk &amp;решит</translation>
        </message>
        <message>
            <source>Forget your choice for the selected item; automatic matching decides again</source>
            <translation>Забыть ваш выбор для выбранной позиции; её снова сопоставит автоматика</translation>
        </message>
        <message>
            <source>Only items matched to one Evotor product are sent. Double-click the Evotor product to choose it yourself.</source>
            <translation>Отправляются только позиции, сопоставленные ровно одному товару Эвотора. Дважды щёлкните по товару Эвотора, чтобы выбрать его самостоятельно.</translation>
        </message>
        <message numerus="yes">
            <source>%n matched automatically</source>
            <translation>
                <numerusform>%n сопоставлена автоматически</numerusform>
                <numerusform>%n сопоставлены автоматически</numerusform>
                <numerusform>%n сопоставлено автоматически</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chosen by you</source>
            <translation>
                <numerusform>%n выбрана вами</numerusform>
                <numerusform>%n выбраны вами</numerusform>
                <numerusform>%n выбрано вами</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with several candidates</source>
            <translation>
                <numerusform>%n с несколькими вариантами</numerusform>
                <numerusform>%n с несколькими вариантами</numerusform>
                <numerusform>%n с несколькими вариантами</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n without a product</source>
            <translation>
                <numerusform>%n без товара</numerusform>
                <numerusform>%n без товара</numerusform>
                <numerusform>%n без товара</numerusform>
            </translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>Сохранено.</translation>
        </message>
        <message>
            <source>Select an item first.</source>
            <translation>Сначала выберите позицию.</translation>
        </message>
    </context>
    <context>
        <name>MoySkladForm</name>
        <message>
            <source>Compare MoySklad's stock with the rebuilt one, or use it as the stock for the other channels. Create a token in MoySklad under Settings → Users → your user → Access tokens.</source>
            <translation>Сравнивайте остатки МоегоСклада с восстановленными или используйте их для других каналов. Токен создаётся в МоёмСкладе: Настройки → Сотрудники → ваш пользователь → Токены доступа.</translation>
        </message>
        <message>
            <source>Paste the MoySklad token</source>
            <translation>Вставьте токен МоегоСклада</translation>
        </message>
        <message>
            <source>MoySklad token</source>
            <translation>Токен МоегоСклада</translation>
        </message>
        <message>
            <source>I have no token: sign in with my login and password</source>
            <translation>У меня нет токена: войти по логину и паролю</translation>
        </message>
        <message>
            <source>I understand that this revokes my other MoySklad tokens: programs connected with them stop working</source>
            <translation>Я понимаю, что это отзовёт мои другие токены МоегоСклада: программы, подключённые с ними, перестанут работать</translation>
        </message>
        <message>
            <source>Token:</source>
            <translation>Токен:</translation>
        </message>
        <message>
            <source>Login:</source>
            <translation>Логин:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Пароль:</translation>
        </message>
        <message>
            <source>Type the login and the password.</source>
            <translation>Введите логин и пароль.</translation>
        </message>
        <message>
            <source>Tick the box to confirm that your other MoySklad tokens will stop working, or paste an existing token instead.</source>
            <translation>Отметьте флажок, чтобы подтвердить, что другие токены МоегоСклада перестанут работать, или вставьте существующий токен.</translation>
        </message>
        <message>
            <source>Paste the token first.</source>
            <translation>Сначала вставьте токен.</translation>
        </message>
        <message numerus="yes">
            <source>Connected: %n store(s) in MoySklad</source>
            <translation>
                <numerusform>Подключено: %n склад в МоёмСкладе</numerusform>
                <numerusform>Подключено: %n склада в МоёмСкладе</numerusform>
                <numerusform>Подключено: %n складов в МоёмСкладе</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MoySkladPage</name>
        <message>
            <source>&amp;Import from MoySklad</source>
            <translation>&amp;Загрузить из МоегоСклада</translation>
        </message>
        <message>
            <source>Accept the selected into the &amp;review</source>
            <translation>Принять выбранные в &amp;проверку</translation>
        </message>
        <message>
            <source>Take MoySklad's figure as your value for the selected products; it is sent to Evotor with the next push</source>
            <translation>Взять число из МоегоСклада как ваше значение для выбранных товаров; оно уйдёт в Эвотор при следующей отправке</translation>
        </message>
        <message>
            <source>StockDesk and MoySklad side by side</source>
            <translation>StockDesk и МойСклад рядом</translation>
        </message>
        <message>
            <source>Evotor store</source>
            <translation>Магазин Эвотора</translation>
        </message>
        <message>
            <source>Not connected: connect MoySklad in Settings → Accounts and stores.</source>
            <translation>Не подключено: подключите МойСклад в разделе Настройки → Учётные записи и магазины.</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) differ</source>
            <translation>
                <numerusform>%n товар отличается</numerusform>
                <numerusform>%n товара отличаются</numerusform>
                <numerusform>%n товаров отличаются</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n agree</source>
            <translation>
                <numerusform>%n совпадает</numerusform>
                <numerusform>%n совпадают</numerusform>
                <numerusform>%n совпадают</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n without a MoySklad figure</source>
            <translation>
                <numerusform>%n без числа в МоёмСкладе</numerusform>
                <numerusform>%n без числа в МоёмСкладе</numerusform>
                <numerusform>%n без числа в МоёмСкладе</numerusform>
            </translation>
        </message>
        <message>
            <source>Importing from MoySklad…</source>
            <translation>Загрузка из МоегоСклада…</translation>
        </message>
        <message numerus="yes">
            <source>Imported: %n stock row(s).</source>
            <translation>
                <numerusform>Загружена %n строка остатков.</numerusform>
                <numerusform>Загружено %n строки остатков.</numerusform>
                <numerusform>Загружено %n строк остатков.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select the products to accept first.</source>
            <translation>Сначала выберите товары, которые нужно принять.</translation>
        </message>
        <message numerus="yes">
            <source>%n value(s) taken into the review.</source>
            <translation>
                <numerusform>%n значение принято в проверку.</numerusform>
                <numerusform>%n значения приняты в проверку.</numerusform>
                <numerusform>%n значений принято в проверку.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OverviewTab</name>
        <message>
            <source>Re-run re&amp;construction</source>
            <translation>&amp;Восстановить заново</translation>
        </message>
        <message>
            <source>&amp;Go to review</source>
            <translation>К провер&amp;ке</translation>
        </message>
        <message>
            <source>Se&amp;nd to Evotor</source>
            <translation>Отправ&amp;ить в Эвотор</translation>
        </message>
        <message>
            <source>No store is selected. Choose stores in Settings → Accounts and stores.</source>
            <translation>Не выбран ни один магазин. Выберите магазины в меню Настройки → Учётные записи и магазины.</translation>
        </message>
    </context>
    <context>
        <name>PreviewModel</name>
        <message>
            <source>SKU</source>
            <translation>SKU</translation>
        </message>
        <message>
            <source>Evotor product</source>
            <translation>Товар Эвотора</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>Остаток</translation>
        </message>
        <message>
            <source>Will send</source>
            <translation>Будет отправлено</translation>
        </message>
        <message>
            <source>Sent last</source>
            <translation>Отправлено в прошлый раз</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Примечание</translation>
        </message>
        <message>
            <source>below zero: sent as 0</source>
            <translation>меньше нуля: отправляется 0</translation>
        </message>
        <message>
            <source>too large: sent as the maximum</source>
            <translation>слишком много: отправляется максимум</translation>
        </message>
        <message>
            <source>older than a day: sent as of 23 hours ago</source>
            <translation>старше суток: отправляется на момент 23 часа назад</translation>
        </message>
    </context>
    <context>
        <name>ProductsModel</name>
        <message>
            <source>Store</source>
            <translation>Магазин</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Товар</translation>
        </message>
        <message>
            <source>In the cloud</source>
            <translation>В облаке</translation>
        </message>
        <message>
            <source>StockDesk</source>
            <translation>StockDesk</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Ед.</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Состояние</translation>
        </message>
        <message>
            <source>Where the number comes from</source>
            <translation>Откуда взят остаток</translation>
        </message>
        <message>
            <source>Article / code</source>
            <translation>Артикул / код</translation>
        </message>
        <message>
            <source>Barcode</source>
            <translation>Штрихкод</translation>
        </message>
        <message>
            <source>Differs from the cloud: the next push sets it.</source>
            <translation>Отличается от облака: будет установлено при следующей отправке.</translation>
        </message>
    </context>
    <context>
        <name>ProductsTab</name>
        <message>
            <source>All products</source>
            <translation>Все товары</translation>
        </message>
        <message>
            <source>From documents</source>
            <translation>Из документов</translation>
        </message>
        <message>
            <source>Needs your decision</source>
            <translation>Ждут вашего решения</translation>
        </message>
        <message>
            <source>Entered by you</source>
            <translation>Введены вами</translation>
        </message>
        <message>
            <source>Differs from the cloud</source>
            <translation>Отличаются от облака</translation>
        </message>
        <message>
            <source>Services</source>
            <translation>Услуги</translation>
        </message>
        <message>
            <source>Search by name, article, code or barcode</source>
            <translation>Поиск по названию, артикулу, коду или штрихкоду</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Показать</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Магазин</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Товары</translation>
        </message>
        <message>
            <source>(the cloud has %1; the next push sets %2)</source>
            <translation>(в облаке %1; при следующей отправке будет %2)</translation>
        </message>
        <message>
            <source>All stores</source>
            <translation>Все магазины</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s)</source>
            <translation>
                <numerusform>%n товар</numerusform>
                <numerusform>%n товара</numerusform>
                <numerusform>%n товаров</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n from documents</source>
            <translation>
                <numerusform>%n из документов</numerusform>
                <numerusform>%n из документов</numerusform>
                <numerusform>%n из документов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entered by you</source>
            <translation>
                <numerusform>%n введён вами</numerusform>
                <numerusform>%n введено вами</numerusform>
                <numerusform>%n введено вами</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n need your decision</source>
            <translation>
                <numerusform>%n ждёт вашего решения</numerusform>
                <numerusform>%n ждут вашего решения</numerusform>
                <numerusform>%n ждут вашего решения</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n differ from the cloud</source>
            <translation>
                <numerusform>%n отличается от облака</numerusform>
                <numerusform>%n отличаются от облака</numerusform>
                <numerusform>%n отличаются от облака</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PushModel</name>
        <message>
            <source>documents</source>
            <translation>документы</translation>
        </message>
        <message>
            <source>your value</source>
            <translation>вручную</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Магазин</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Товар</translation>
        </message>
        <message>
            <source>In the cloud now</source>
            <translation>Сейчас в облаке</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>Новое значение</translation>
        </message>
        <message>
            <source>From</source>
            <translation>Источник</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Результат</translation>
        </message>
        <message>
            <source>Not sent: no longer needed</source>
            <translation>Не отправлено: уже не нужно</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Отправлено</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Ошибка: %1</translation>
        </message>
    </context>
    <context>
        <name>PushPage</name>
        <message>
            <source>I will send later from the main window</source>
            <translation>Отправлю позже из главного окна</translation>
        </message>
        <message>
            <source>Check what will change in the Evotor cloud, then send it.</source>
            <translation>Проверьте, что изменится в облаке Эвотора, и отправьте.</translation>
        </message>
    </context>
    <context>
        <name>PushPanel</name>
        <message>
            <source>StockDesk sends only the stock balances listed below. Prices, names, other products and your documents are not touched.</source>
            <translation>StockDesk отправит только перечисленные ниже остатки. Цены, названия, другие товары и ваши документы не меняются.</translation>
        </message>
        <message>
            <source>Changes to send</source>
            <translation>Изменения к отправке</translation>
        </message>
        <message>
            <source>&amp;Send to Evotor</source>
            <translation>&amp;Отправить в Эвотор</translation>
        </message>
        <message>
            <source>Check &amp;again</source>
            <translation>Проверить &amp;снова</translation>
        </message>
        <message>
            <source>Read the current values from Evotor and list the changes again</source>
            <translation>Заново прочитать текущие значения из Эвотора и составить список изменений</translation>
        </message>
        <message>
            <source>&amp;Retry the failed ones</source>
            <translation>&amp;Повторить неотправленные</translation>
        </message>
        <message>
            <source>Reading the current values from Evotor…</source>
            <translation>Читаю текущие значения из Эвотора…</translation>
        </message>
        <message>
            <source>Sending…</source>
            <translation>Отправляю…</translation>
        </message>
        <message>
            <source>Sending the failed ones again…</source>
            <translation>Повторно отправляю неотправленные…</translation>
        </message>
        <message>
            <source>Stopped.</source>
            <translation>Остановлено.</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Finish the interrupted push (%n)</source>
            <translation>
                <numerusform>&amp;Завершить прерванную отправку (%n)</numerusform>
                <numerusform>&amp;Завершить прерванную отправку (%n)</numerusform>
                <numerusform>&amp;Завершить прерванную отправку (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>The push started %1 was interrupted after %2 of %3. The list shows what finishing it sends now, at today's values.</source>
            <translation>Отправка, начатая %1, прервалась после %2 из %3. В списке — что отправит её завершение сейчас, по сегодняшним значениям.</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Send %n change(s) to Evotor</source>
            <translation>
                <numerusform>&amp;Отправить %n изменение в Эвотор</numerusform>
                <numerusform>&amp;Отправить %n изменения в Эвотор</numerusform>
                <numerusform>&amp;Отправить %n изменений в Эвотор</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to send: the Evotor cloud already holds these values.</source>
            <translation>Отправлять нечего: в облаке Эвотора уже эти значения.</translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) will change</source>
            <translation>
                <numerusform>изменится %n остаток</numerusform>
                <numerusform>изменятся %n остатка</numerusform>
                <numerusform>изменятся %n остатков</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already right in the cloud</source>
            <translation>
                <numerusform>%n уже верен в облаке</numerusform>
                <numerusform>%n уже верны в облаке</numerusform>
                <numerusform>%n уже верны в облаке</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not decided yet: left as they are</source>
            <translation>
                <numerusform>%n ещё без решения: не меняется</numerusform>
                <numerusform>%n ещё без решения: не меняются</numerusform>
                <numerusform>%n ещё без решения: не меняются</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) sent to Evotor.</source>
            <translation>
                <numerusform>%n остаток отправлен в Эвотор.</numerusform>
                <numerusform>%n остатка отправлено в Эвотор.</numerusform>
                <numerusform>%n остатков отправлено в Эвотор.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n no longer needed: not sent.</source>
            <translation>
                <numerusform>%n остаток уже не нужен: не отправлен.</numerusform>
                <numerusform>%n остатка уже не нужны: не отправлены.</numerusform>
                <numerusform>%n остатков уже не нужны: не отправлены.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>With the interrupted push: %n sent in all.</source>
            <translation>
                <numerusform>Вместе с прерванной отправкой всего отправлен %n остаток.</numerusform>
                <numerusform>Вместе с прерванной отправкой всего отправлено %n остатка.</numerusform>
                <numerusform>Вместе с прерванной отправкой всего отправлено %n остатков.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n could not be sent: see the Result column, then retry.</source>
            <translation>
                <numerusform>%n не удалось отправить: посмотрите столбец «Результат» и повторите.</numerusform>
                <numerusform>%n не удалось отправить: посмотрите столбец «Результат» и повторите.</numerusform>
                <numerusform>%n не удалось отправить: посмотрите столбец «Результат» и повторите.</numerusform>
            </translation>
        </message>
        <message>
            <source>%v of %m</source>
            <translation>%v из %m</translation>
        </message>
    </context>
    <context>
        <name>ReconstructDialog</name>
        <message>
            <source>Reconstruction</source>
            <translation>Восстановление остатков</translation>
        </message>
    </context>
    <context>
        <name>ReconstructPage</name>
        <message>
            <source>This can take a while for a big shop. You can cancel at any moment, or even close StockDesk: next time it continues where it stopped.</source>
            <translation>Для большого магазина это может занять время. Можно отменить в любой момент или даже закрыть StockDesk: в следующий раз он продолжит с того же места.</translation>
        </message>
        <message>
            <source>Reading the products and documents, then working out every product's stock.</source>
            <translation>Читаю товары и документы, затем вычисляю остаток каждого товара.</translation>
        </message>
        <message>
            <source>The stock is already rebuilt. Press Next, or Run again to take in new documents.</source>
            <translation>Остатки уже восстановлены. Нажмите «Далее» или «Запустить снова», чтобы учесть новые документы.</translation>
        </message>
        <message>
            <source>Run &amp;again</source>
            <translation>Запустить &amp;снова</translation>
        </message>
    </context>
    <context>
        <name>ReconstructPanel</name>
        <message>
            <source>Product list</source>
            <translation>Список товаров</translation>
        </message>
        <message>
            <source>Documents, month by month</source>
            <translation>Документы, по месяцам</translation>
        </message>
        <message>
            <source>Computing balances</source>
            <translation>Вычисление остатков</translation>
        </message>
        <message>
            <source>&amp;Start</source>
            <translation>&amp;Начать</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>О&amp;тменить</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Продолжить</translation>
        </message>
        <message>
            <source>The last reconstruction was interrupted. It continues where it stopped: nothing already read is downloaded again.</source>
            <translation>Прошлое восстановление было прервано. Оно продолжится с того же места: уже прочитанное заново не скачивается.</translation>
        </message>
        <message>
            <source>Stopped. Everything read so far is kept: Resume continues from here.</source>
            <translation>Остановлено. Всё прочитанное сохранено: «Продолжить» продолжит с этого места.</translation>
        </message>
        <message>
            <source>Run &amp;again</source>
            <translation>Запустить &amp;снова</translation>
        </message>
        <message>
            <source>Store %1 of %2: %3</source>
            <translation>Магазин %1 из %2: %3</translation>
        </message>
        <message>
            <source>Store: %1</source>
            <translation>Магазин: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n of %1 months read</source>
            <translation>
                <numerusform>прочитан %n месяц из %1</numerusform>
                <numerusform>прочитано %n месяца из %1</numerusform>
                <numerusform>прочитано %n месяцев из %1</numerusform>
            </translation>
        </message>
        <message>
            <source>now: %1</source>
            <translation>сейчас: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n of %1 products</source>
            <translation>
                <numerusform>%n товар из %1</numerusform>
                <numerusform>%n товара из %1</numerusform>
                <numerusform>%n товаров из %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) read</source>
            <translation>
                <numerusform>прочитан %n документ</numerusform>
                <numerusform>прочитано %n документа</numerusform>
                <numerusform>прочитано %n документов</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) settled</source>
            <translation>
                <numerusform>остаток найден у %n товара</numerusform>
                <numerusform>остаток найден у %n товаров</numerusform>
                <numerusform>остаток найден у %n товаров</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n still open</source>
            <translation>
                <numerusform>%n ещё без ответа</numerusform>
                <numerusform>%n ещё без ответа</numerusform>
                <numerusform>%n ещё без ответа</numerusform>
            </translation>
        </message>
        <message>
            <source>Elapsed: %1</source>
            <translation>Прошло: %1</translation>
        </message>
        <message>
            <source>Remaining: about %1</source>
            <translation>Осталось: около %1</translation>
        </message>
        <message>
            <source>Remaining: estimating…</source>
            <translation>Осталось: оцениваю…</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) in the store.</source>
            <translation>
                <numerusform>В магазине %n товар.</numerusform>
                <numerusform>В магазине %n товара.</numerusform>
                <numerusform>В магазине %n товаров.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n got their number from the documents.</source>
            <translation>
                <numerusform>У %n товара остаток взят из документов.</numerusform>
                <numerusform>У %n товаров остаток взят из документов.</numerusform>
                <numerusform>У %n товаров остаток взят из документов.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n could not be settled by the documents (see Review).</source>
            <translation>
                <numerusform>По %n товару документы не дают ответа (см. «Проверка»).</numerusform>
                <numerusform>По %n товарам документы не дают ответа (см. «Проверка»).</numerusform>
                <numerusform>По %n товарам документы не дают ответа (см. «Проверка»).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Read %n document(s)</source>
            <translation>
                <numerusform>Прочитан %n документ</numerusform>
                <numerusform>Прочитано %n документа</numerusform>
                <numerusform>Прочитано %n документов</numerusform>
            </translation>
        </message>
        <message>
            <source>back to %1</source>
            <translation>до %1</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) have documents that disagree with each other.</source>
            <translation>
                <numerusform>У %n товара документы противоречат друг другу.</numerusform>
                <numerusform>У %n товаров документы противоречат друг другу.</numerusform>
                <numerusform>У %n товаров документы противоречат друг другу.</numerusform>
            </translation>
        </message>
        <message>
            <source>Document types StockDesk does not know, ignored: %1</source>
            <translation>Неизвестные StockDesk типы документов, пропущены: %1</translation>
        </message>
    </context>
    <context>
        <name>ReviewFilter</name>
        <message>
            <source>All products</source>
            <translation>Все товары</translation>
        </message>
        <message>
            <source>Not decided yet</source>
            <translation>Ещё без решения</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>С решением</translation>
        </message>
        <message>
            <source>No document mentions it</source>
            <translation>Нет ни одного документа</translation>
        </message>
        <message>
            <source>A document's effect is unclear</source>
            <translation>Неясно действие документа</translation>
        </message>
    </context>
    <context>
        <name>ReviewModel</name>
        <message>
            <source>Store</source>
            <translation>Магазин</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Товар</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>Ед.</translation>
        </message>
        <message>
            <source>In the cloud</source>
            <translation>В облаке</translation>
        </message>
        <message>
            <source>New value</source>
            <translation>Новое значение</translation>
        </message>
        <message>
            <source>Why it needs you</source>
            <translation>Почему нужно решение</translation>
        </message>
        <message>
            <source>Last document</source>
            <translation>Последний документ</translation>
        </message>
        <message>
            <source>Article / code</source>
            <translation>Артикул / код</translation>
        </message>
        <message>
            <source>Barcode</source>
            <translation>Штрихкод</translation>
        </message>
        <message numerus="yes">
            <source> (+%n more)</source>
            <translation>
                <numerusform> (и ещё %n)</numerusform>
                <numerusform> (и ещё %n)</numerusform>
                <numerusform> (и ещё %n)</numerusform>
            </translation>
        </message>
        <message>
            <source>none</source>
            <translation>нет</translation>
        </message>
        <message>
            <source>No document in the history read changes this product's stock, so only you know how many there are.</source>
            <translation>Ни один документ в прочитанной истории не меняет остаток этого товара, так что сколько его — знаете только вы.</translation>
        </message>
        <message>
            <source>Details: %1</source>
            <translation>Подробности: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) disagree with the ones before them.</source>
            <translation>
                <numerusform>%n документ не сходится с предыдущими.</numerusform>
                <numerusform>%n документа не сходятся с предыдущими.</numerusform>
                <numerusform>%n документов не сходятся с предыдущими.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (keep the cloud value)</source>
            <translation>%1 (оставить как в облаке)</translation>
        </message>
        <message>
            <source>If the document moved stock: %1; if it did not: %2</source>
            <translation>Если документ изменил остаток: %1; если нет: %2</translation>
        </message>
        <message>
            <source>Suggested: %1</source>
            <translation>Предлагается: %1</translation>
        </message>
        <message>
            <source>Double-click or press F2 to type the number you have.</source>
            <translation>Дважды щёлкните или нажмите F2, чтобы ввести фактический остаток.</translation>
        </message>
        <message numerus="yes">
            <source>set %n product(s) to %1</source>
            <translation>
                <numerusform>установить %1 для %n товара</numerusform>
                <numerusform>установить %1 для %n товаров</numerusform>
                <numerusform>установить %1 для %n товаров</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>keep the cloud value for %n product(s)</source>
            <translation>
                <numerusform>оставить значение облака для %n товара</numerusform>
                <numerusform>оставить значение облака для %n товаров</numerusform>
                <numerusform>оставить значение облака для %n товаров</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>skip %n product(s)</source>
            <translation>
                <numerusform>пропустить %n товар</numerusform>
                <numerusform>пропустить %n товара</numerusform>
                <numerusform>пропустить %n товаров</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>clear the decision for %n product(s)</source>
            <translation>
                <numerusform>снять решение для %n товара</numerusform>
                <numerusform>снять решение для %n товаров</numerusform>
                <numerusform>снять решение для %n товаров</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>For these products the documents do not say how many there are. Type the number you have, or choose what to do with the buttons. Every change is saved at once. You can also finish later: products without a decision are not sent.</source>
            <translation>Для этих товаров документы не говорят, сколько их. Введите фактический остаток или выберите действие кнопками. Каждое изменение сразу сохраняется. Можно закончить и позже: товары без решения не отправляются.</translation>
        </message>
        <message>
            <source>The products that need you.</source>
            <translation>Товары, которым нужно ваше решение.</translation>
        </message>
    </context>
    <context>
        <name>ReviewWidget</name>
        <message>
            <source>Search by name, article, code or barcode</source>
            <translation>Поиск по названию, артикулу, коду или штрихкоду</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Показать</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>Магазин</translation>
        </message>
        <message>
            <source>Products to review</source>
            <translation>Товары для проверки</translation>
        </message>
        <message>
            <source>Set to 0</source>
            <translation>Поставить 0</translation>
        </message>
        <message>
            <source>Set the selected products to 0</source>
            <translation>Поставить 0 выбранным товарам</translation>
        </message>
        <message>
            <source>Keep the cloud value</source>
            <translation>Оставить как в облаке</translation>
        </message>
        <message>
            <source>Leave the selected products as they are in the Evotor cloud</source>
            <translation>Оставить выбранные товары такими, как в облаке Эвотора</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>Пропустить</translation>
        </message>
        <message>
            <source>Do not send anything for the selected products</source>
            <translation>Ничего не отправлять для выбранных товаров</translation>
        </message>
        <message>
            <source>Clear decision</source>
            <translation>Снять решение</translation>
        </message>
        <message>
            <source>Forget the decision for the selected products</source>
            <translation>Забыть решение по выбранным товарам</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>Отменить</translation>
        </message>
        <message>
            <source>Undo the last change</source>
            <translation>Отменить последнее изменение</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>Повторить</translation>
        </message>
        <message>
            <source>Redo the change undone last</source>
            <translation>Вернуть последнее отменённое изменение</translation>
        </message>
        <message>
            <source>Undo: %1</source>
            <translation>Отменить: %1</translation>
        </message>
        <message>
            <source>Redo: %1</source>
            <translation>Повторить: %1</translation>
        </message>
        <message>
            <source>Import CSV…</source>
            <translation>Загрузить CSV…</translation>
        </message>
        <message>
            <source>Read new values from a CSV file (exported and edited)</source>
            <translation>Прочитать новые значения из CSV-файла (выгруженного и заполненного)</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>Выгрузить CSV…</translation>
        </message>
        <message>
            <source>Save this list as a CSV file for Excel</source>
            <translation>Сохранить этот список в CSV-файл для Excel</translation>
        </message>
        <message>
            <source>All stores</source>
            <translation>Все магазины</translation>
        </message>
        <message>
            <source>Select one or more products first.</source>
            <translation>Сначала выберите один или несколько товаров.</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) changed and saved.</source>
            <translation>
                <numerusform>Изменён и сохранён %n товар.</numerusform>
                <numerusform>Изменено и сохранено %n товара.</numerusform>
                <numerusform>Изменено и сохранено %n товаров.</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing to review: every product got its number from the documents.</source>
            <translation>Проверять нечего: остатки всех товаров взяты из документов.</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) to review</source>
            <translation>
                <numerusform>%n товар на проверке</numerusform>
                <numerusform>%n товара на проверке</numerusform>
                <numerusform>%n товаров на проверке</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not decided yet (they are not sent until you decide)</source>
            <translation>
                <numerusform>%n ещё без решения (не отправляется, пока вы не решите)</numerusform>
                <numerusform>%n ещё без решения (не отправляются, пока вы не решите)</numerusform>
                <numerusform>%n ещё без решения (не отправляются, пока вы не решите)</numerusform>
            </translation>
        </message>
        <message>
            <source>Export the review list</source>
            <translation>Выгрузить список для проверки</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>Файлы CSV (*.csv)</translation>
        </message>
        <message>
            <source>Import new values</source>
            <translation>Загрузить новые значения</translation>
        </message>
        <message>
            <source>CSV files (*.csv);;All files (*)</source>
            <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) written to %1. Fill in the new_value column and import the file again.</source>
            <translation>
                <numerusform>%n товар записан в %1. Заполните столбец new_value и загрузите файл обратно.</numerusform>
                <numerusform>%n товара записано в %1. Заполните столбец new_value и загрузите файл обратно.</numerusform>
                <numerusform>%n товаров записано в %1. Заполните столбец new_value и загрузите файл обратно.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n value(s) imported and saved.</source>
            <translation>
                <numerusform>Загружено и сохранено %n значение.</numerusform>
                <numerusform>Загружено и сохранено %n значения.</numerusform>
                <numerusform>Загружено и сохранено %n значений.</numerusform>
            </translation>
        </message>
        <message>
            <source>Line %1: %2</source>
            <translation>Строка %1: %2</translation>
        </message>
        <message numerus="yes">
            <source>…and %n more.</source>
            <translation>
                <numerusform>…и ещё %n.</numerusform>
                <numerusform>…и ещё %n.</numerusform>
                <numerusform>…и ещё %n.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) could not be used:</source>
            <translation>
                <numerusform>%n строку не удалось использовать:</numerusform>
                <numerusform>%n строки не удалось использовать:</numerusform>
                <numerusform>%n строк не удалось использовать:</numerusform>
            </translation>
        </message>
        <message>
            <source>The file could not be used: %1</source>
            <translation>Не удалось использовать файл: %1</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>Настройки</translation>
        </message>
        <message>
            <source>&amp;Accounts and stores</source>
            <translation>&amp;Учётные записи и магазины</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Язык</translation>
        </message>
        <message>
            <source>&amp;Data</source>
            <translation>&amp;Данные</translation>
        </message>
        <message>
            <source>Evotor</source>
            <translation>Эвотор</translation>
        </message>
        <message>
            <source>&amp;Forget the token</source>
            <translation>&amp;Забыть токен</translation>
        </message>
        <message>
            <source>Remove the Evotor token from this computer; StockDesk asks for it again next time.</source>
            <translation>Удалить токен Эвотора с этого компьютера; в следующий раз StockDesk спросит его снова.</translation>
        </message>
        <message>
            <source>Stores</source>
            <translation>Магазины</translation>
        </message>
        <message>
            <source>After ticking a new store, run the reconstruction again.</source>
            <translation>Отметив новый магазин, запустите восстановление снова.</translation>
        </message>
        <message>
            <source>Sales channels</source>
            <translation>Каналы продаж</translation>
        </message>
        <message>
            <source>Optional: connect the places that should know your stock. The Sales channels tab shows how they are doing.</source>
            <translation>Необязательно: подключите площадки, которым нужно знать ваши остатки. Вкладка «Каналы продаж» показывает их состояние.</translation>
        </message>
        <message>
            <source>Not connected.</source>
            <translation>Не подключено.</translation>
        </message>
        <message>
            <source>Connected. The token is in this computer's password keychain.</source>
            <translation>Подключено. Токен — в хранилище паролей этого компьютера.</translation>
        </message>
        <message>
            <source>Connected. The token is kept for this run only.</source>
            <translation>Подключено. Токен хранится только до закрытия программы.</translation>
        </message>
        <message>
            <source>Connected with the token from an environment variable.</source>
            <translation>Подключено с токеном из переменной окружения.</translation>
        </message>
        <message>
            <source>The token is removed from this computer.</source>
            <translation>Токен удалён с этого компьютера.</translation>
        </message>
        <message>
            <source>The system's language</source>
            <translation>Язык системы</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>&amp;Язык:</translation>
        </message>
        <message>
            <source>StockDesk switches to the chosen language the next time it starts.</source>
            <translation>StockDesk переключится на выбранный язык при следующем запуске.</translation>
        </message>
        <message>
            <source>Saved. Restart StockDesk to switch the language.</source>
            <translation>Сохранено. Перезапустите StockDesk, чтобы сменить язык.</translation>
        </message>
        <message>
            <source>&amp;Open the folder</source>
            <translation>&amp;Открыть папку</translation>
        </message>
        <message>
            <source>StockDesk keeps its database (stockdesk.db) and its log file (%1) in this folder. Tokens are never stored there.</source>
            <translation>В этой папке StockDesk хранит свою базу данных (stockdesk.db) и журнал (%1). Токены там никогда не хранятся.</translation>
        </message>
        <message>
            <source>Demo: this folder is deleted when StockDesk closes.</source>
            <translation>Демо: эта папка удаляется при закрытии StockDesk.</translation>
        </message>
        <message>
            <source>To keep the data somewhere else, start StockDesk with &lt;code&gt;--data-dir FOLDER&lt;/code&gt; or set the STOCKDESK_DATA_DIR environment variable.</source>
            <translation>Чтобы хранить данные в другом месте, запускайте StockDesk с параметром &lt;code&gt;--data-dir ПАПКА&lt;/code&gt; или задайте переменную окружения STOCKDESK_DATA_DIR.</translation>
        </message>
    </context>
    <context>
        <name>StoreCard</name>
        <message>
            <source>Not rebuilt yet: run the reconstruction.</source>
            <translation>Остатки ещё не восстановлены: запустите восстановление.</translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) need your decision.</source>
            <translation>
                <numerusform>%n товар ждёт вашего решения.</numerusform>
                <numerusform>%n товара ждут вашего решения.</numerusform>
                <numerusform>%n товаров ждут вашего решения.</numerusform>
            </translation>
        </message>
        <message>
            <source>Rebuilt, not sent to Evotor yet.</source>
            <translation>Восстановлено, но ещё не отправлено в Эвотор.</translation>
        </message>
        <message>
            <source>Rebuilt and sent to Evotor.</source>
            <translation>Восстановлено и отправлено в Эвотор.</translation>
        </message>
        <message>
            <source>never</source>
            <translation>ни разу</translation>
        </message>
        <message>
            <source>Products:</source>
            <translation>Товаров:</translation>
        </message>
        <message>
            <source>From documents:</source>
            <translation>Из документов:</translation>
        </message>
        <message>
            <source>Need your decision:</source>
            <translation>Ждут решения:</translation>
        </message>
        <message>
            <source>Sent to Evotor:</source>
            <translation>Отправлено в Эвотор:</translation>
        </message>
        <message>
            <source>Last reconstruction:</source>
            <translation>Последнее восстановление:</translation>
        </message>
        <message>
            <source>Last push:</source>
            <translation>Последняя отправка:</translation>
        </message>
    </context>
    <context>
        <name>StoresList</name>
        <message>
            <source>Store</source>
            <translation>Магазин</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Адрес</translation>
        </message>
        <message>
            <source>History goes back to</source>
            <translation>История начинается</translation>
        </message>
        <message>
            <source>Stores</source>
            <translation>Магазины</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>неизвестно</translation>
        </message>
    </context>
    <context>
        <name>StoresPage</name>
        <message>
            <source>Tick the stores whose stock StockDesk should rebuild. It reads each store's documents from today back in time, month by month, and stops as soon as every product is settled or it reaches a complete inventory: at most back to the date shown.</source>
            <translation>Отметьте магазины, остатки которых StockDesk должен восстановить. Он читает документы каждого магазина от сегодняшнего дня назад, месяц за месяцем, и останавливается, как только найдёт остатки всех товаров или дойдёт до полной инвентаризации, — самое большее до указанной даты.</translation>
        </message>
        <message>
            <source>Choose the stores and see how far back their history goes.</source>
            <translation>Выберите магазины и посмотрите, насколько далеко в прошлое уходит их история.</translation>
        </message>
        <message numerus="yes">
            <source>%n store(s) selected.</source>
            <translation>
                <numerusform>Выбран %n магазин.</numerusform>
                <numerusform>Выбрано %n магазина.</numerusform>
                <numerusform>Выбрано %n магазинов.</numerusform>
            </translation>
        </message>
        <message>
            <source>Tick at least one store to continue.</source>
            <translation>Чтобы продолжить, отметьте хотя бы один магазин.</translation>
        </message>
    </context>
    <context>
        <name>WelcomePage</name>
        <message>
            <source>&lt;p&gt;StockDesk works out how many of each product you really have, from the documents your Evotor terminals already keep (sales, returns, acceptances, write-offs and inventories), and puts those numbers into the Evotor cloud.&lt;/p&gt;&lt;p&gt;&lt;b&gt;What it will do&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;read your stores, products and terminal documents;&lt;/li&gt;&lt;li&gt;work out the stock of every product and show where each number comes from;&lt;/li&gt;&lt;li&gt;ask you about the products the documents cannot settle;&lt;/li&gt;&lt;li&gt;after you confirm, send the new stock balances to the Evotor cloud.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;What it will not touch&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;prices, names, product cards and groups;&lt;/li&gt;&lt;li&gt;your documents, receipts and terminals;&lt;/li&gt;&lt;li&gt;anything at all before you press &lt;b&gt;Send&lt;/b&gt;.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;You can stop at any step: StockDesk keeps what it has done and continues next time.&lt;/p&gt;</source>
            <translation>&lt;p&gt;StockDesk вычисляет, сколько каждого товара у вас на самом деле, по документам, которые уже хранят ваши терминалы Эвотор (продажи, возвраты, приёмки, списания и инвентаризации), и записывает эти остатки в облако Эвотора.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Что он сделает&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;прочитает ваши магазины, товары и документы терминалов;&lt;/li&gt;&lt;li&gt;вычислит остаток каждого товара и покажет, откуда взято каждое число;&lt;/li&gt;&lt;li&gt;спросит вас о товарах, по которым документы не дают ответа;&lt;/li&gt;&lt;li&gt;после вашего подтверждения отправит новые остатки в облако Эвотора.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;&lt;b&gt;Что он не тронет&lt;/b&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;цены, названия, карточки и группы товаров;&lt;/li&gt;&lt;li&gt;ваши документы, чеки и терминалы;&lt;/li&gt;&lt;li&gt;вообще ничего — пока вы не нажмёте &lt;b&gt;Отправить&lt;/b&gt;.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Остановиться можно на любом шаге: StockDesk сохранит сделанное и продолжит в следующий раз.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Demo:&lt;/b&gt; this is a made-up shop running on this computer. Nothing real is read or changed, and everything is forgotten when you close StockDesk.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;Демо:&lt;/b&gt; это вымышленный магазин, работающий на этом компьютере. Ничего настоящего не читается и не меняется, а всё забудется, когда вы закроете StockDesk.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Correct stock in the Evotor cloud, rebuilt from your terminals' documents.</source>
            <translation>Верные остатки в облаке Эвотора, восстановленные по документам ваших терминалов.</translation>
        </message>
    </context>
    <context>
        <name>Wizard</name>
        <message>
            <source>Welcome</source>
            <translation>Добро пожаловать</translation>
        </message>
        <message>
            <source>Connect Evotor</source>
            <translation>Подключение Эвотора</translation>
        </message>
        <message>
            <source>Other accounts</source>
            <translation>Другие сервисы</translation>
        </message>
        <message>
            <source>Stores and history</source>
            <translation>Магазины и история</translation>
        </message>
        <message>
            <source>Rebuilding stock</source>
            <translation>Восстановление остатков</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Проверка</translation>
        </message>
        <message>
            <source>Send to Evotor</source>
            <translation>Отправка в Эвотор</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Готово</translation>
        </message>
    </context>
    <context>
        <name>WizardDialog</name>
        <message>
            <source>StockDesk — first start</source>
            <translation>StockDesk — первый запуск</translation>
        </message>
        <message>
            <source>%1 — Demo</source>
            <translation>%1 — демо</translation>
        </message>
        <message>
            <source>&lt; &amp;Back</source>
            <translation>&lt; &amp;Назад</translation>
        </message>
        <message>
            <source>&amp;Next &gt;</source>
            <translation>&amp;Далее &gt;</translation>
        </message>
        <message>
            <source>&amp;Open StockDesk</source>
            <translation>&amp;Открыть StockDesk</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Закрыть</translation>
        </message>
        <message>
            <source>Demo: a made-up shop on this computer. Nothing real is read or changed.</source>
            <translation>Демо: вымышленный магазин на этом компьютере. Ничего настоящего не читается и не меняется.</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>Шаг %1 из %2</translation>
        </message>
        <message>
            <source>Stop and close?</source>
            <translation>Остановить и закрыть?</translation>
        </message>
        <message>
            <source>StockDesk is still working. Stop now? Everything done so far is kept, and StockDesk continues where it stopped next time.</source>
            <translation>StockDesk ещё работает. Остановить сейчас? Всё сделанное сохранится, и в следующий раз StockDesk продолжит с того же места.</translation>
        </message>
    </context>
    <context>
        <name>YandexForm</name>
        <message>
            <source>Send the stock of your offers to Yandex Market (FBS, Express or DBS). Create an Api-Key in the seller cabinet under Settings → API and modules; the campaign id is shown there too.</source>
            <translation>Отправляйте остатки ваших товаров в Яндекс Маркет (FBS, Экспресс или DBS). Создайте Api-Key в кабинете продавца в разделе Настройки → API и модули; там же указан идентификатор кампании.</translation>
        </message>
        <message>
            <source>Paste the Api-Key</source>
            <translation>Вставьте Api-Key</translation>
        </message>
        <message>
            <source>Yandex Market Api-Key</source>
            <translation>Api-Key Яндекс Маркета</translation>
        </message>
        <message>
            <source>e.g. 21598764</source>
            <translation>например 21598764</translation>
        </message>
        <message>
            <source>optional: found from the campaign</source>
            <translation>необязательно: определяется по кампании</translation>
        </message>
        <message>
            <source>optional: only when asked, without warehouse groups</source>
            <translation>необязательно: только по запросу, без групп складов</translation>
        </message>
        <message>
            <source>Api-Key:</source>
            <translation>Api-Key:</translation>
        </message>
        <message>
            <source>Campaign id:</source>
            <translation>Id кампании:</translation>
        </message>
        <message>
            <source>Business id:</source>
            <translation>Id кабинета:</translation>
        </message>
        <message>
            <source>Evotor store:</source>
            <translation>Магазин Эвотора:</translation>
        </message>
        <message>
            <source>Warehouses:</source>
            <translation>Склады:</translation>
        </message>
        <message>
            <source>Warehouse id:</source>
            <translation>Id склада:</translation>
        </message>
        <message>
            <source>&lt;small&gt;With &lt;b&gt;warehouse groups&lt;/b&gt; the warehouses of a group share one stock, and StockDesk sends it once for the campaign. &lt;b&gt;Without groups&lt;/b&gt; StockDesk sends the stock for your one warehouse of this campaign. StockDesk can find out which applies; choose only if you know better.&lt;/small&gt;</source>
            <translation>&lt;small&gt;При &lt;b&gt;группах складов&lt;/b&gt; у складов группы общие остатки, и StockDesk отправляет их один раз для кампании. &lt;b&gt;Без групп&lt;/b&gt; StockDesk отправляет остатки для вашего склада этой кампании. StockDesk может определить это сам; выбирайте, только если знаете точно.&lt;/small&gt;</translation>
        </message>
        <message>
            <source>Paste the Api-Key first.</source>
            <translation>Сначала вставьте Api-Key.</translation>
        </message>
        <message>
            <source>Type the campaign id.</source>
            <translation>Введите идентификатор кампании.</translation>
        </message>
        <message>
            <source>Connect Evotor first: the stock sent comes from an Evotor store.</source>
            <translation>Сначала подключите Эвотор: отправляемые остатки берутся из магазина Эвотора.</translation>
        </message>
        <message numerus="yes">
            <source>Connected: %n offer(s).</source>
            <translation>
                <numerusform>Подключено: %n товар.</numerusform>
                <numerusform>Подключено: %n товара.</numerusform>
                <numerusform>Подключено: %n товаров.</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 matched to Evotor products, %2 need your choice (Sales channels tab).</source>
            <translation>Сопоставлено с товарами Эвотора: %1, требуют вашего выбора: %2 (вкладка «Каналы продаж»).</translation>
        </message>
        <message>
            <source>Several warehouses fit: %1. Type the id of this campaign's warehouse in the Warehouse id field and check again.</source>
            <translation>Подходят несколько складов: %1. Введите id склада этой кампании в поле «Id склада» и проверьте снова.</translation>
        </message>
        <message>
            <source>Sending is off until you switch it on.</source>
            <translation>Отправка выключена, пока вы её не включите.</translation>
        </message>
    </context>
    <context>
        <name>YandexPage</name>
        <message>
            <source>Send stock to Yandex Market (on sync and with Push)</source>
            <translation>Отправлять остатки в Яндекс Маркет (при синхронизации и по кнопке)</translation>
        </message>
        <message>
            <source>What will be sent</source>
            <translation>Что будет отправлено</translation>
        </message>
        <message>
            <source>P&amp;ush to Yandex Market</source>
            <translation>&amp;Отправить в Яндекс Маркет</translation>
        </message>
        <message>
            <source>Read the offers a&amp;gain</source>
            <translation>Пере&amp;читать товары</translation>
        </message>
        <message>
            <source>Fetch the campaign's offers and match them to the Evotor products</source>
            <translation>Загрузить товары кампании и сопоставить их с товарами Эвотора</translation>
        </message>
        <message>
            <source>Not connected: connect Yandex Market in Settings → Accounts and stores.</source>
            <translation>Не подключено: подключите Яндекс Маркет в разделе Настройки → Учётные записи и магазины.</translation>
        </message>
        <message>
            <source>warehouse groups (one stock for the group)</source>
            <translation>группы складов (общие остатки группы)</translation>
        </message>
        <message>
            <source>no warehouse groups (warehouse %1)</source>
            <translation>без групп складов (склад %1)</translation>
        </message>
        <message>
            <source>Campaign %1, %2.</source>
            <translation>Кампания %1, %2.</translation>
        </message>
        <message numerus="yes">
            <source>%n stock value(s) will be sent</source>
            <translation>
                <numerusform>будет отправлен %n остаток</numerusform>
                <numerusform>будет отправлено %n остатка</numerusform>
                <numerusform>будет отправлено %n остатков</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n below zero, sent as 0</source>
            <translation>
                <numerusform>%n меньше нуля, отправляется 0</numerusform>
                <numerusform>%n меньше нуля, отправляется 0</numerusform>
                <numerusform>%n меньше нуля, отправляется 0</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n older than a day</source>
            <translation>
                <numerusform>%n старше суток</numerusform>
                <numerusform>%n старше суток</numerusform>
                <numerusform>%n старше суток</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with unknown stock: not sent</source>
            <translation>
                <numerusform>%n с неизвестным остатком: не отправляется</numerusform>
                <numerusform>%n с неизвестным остатком: не отправляются</numerusform>
                <numerusform>%n с неизвестным остатком: не отправляются</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not matched: not sent</source>
            <translation>
                <numerusform>%n без пары: не отправляется</numerusform>
                <numerusform>%n без пары: не отправляются</numerusform>
                <numerusform>%n без пары: не отправляются</numerusform>
            </translation>
        </message>
        <message>
            <source>Sending to Yandex Market…</source>
            <translation>Отправка в Яндекс Маркет…</translation>
        </message>
        <message numerus="yes">
            <source>%n stock value(s) sent to Yandex Market.</source>
            <translation>
                <numerusform>В Яндекс Маркет отправлен %n остаток.</numerusform>
                <numerusform>В Яндекс Маркет отправлено %n остатка.</numerusform>
                <numerusform>В Яндекс Маркет отправлено %n остатков.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed:</source>
            <translation>
                <numerusform>%n с ошибкой:</numerusform>
                <numerusform>%n с ошибкой:</numerusform>
                <numerusform>%n с ошибкой:</numerusform>
            </translation>
        </message>
        <message>
            <source>Reading the offers from Yandex Market…</source>
            <translation>Чтение товаров из Яндекс Маркета…</translation>
        </message>
        <message>
            <source>Offers read: %1 matched, %2 need a choice.</source>
            <translation>Товары прочитаны: сопоставлено %1, требуют выбора %2.</translation>
        </message>
    </context>
</TS>
