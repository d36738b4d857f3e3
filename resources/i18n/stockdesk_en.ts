<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>Errors</name>
        <message numerus="yes">
            <source>The StockDesk database {path} was damaged ({detail}). It is kept as {copy}; a new database was started with the %n value(s) you typed (also saved to {csv}). To rebuild the rest from the Evotor cloud, run: stockdesk evotor connect, then stockdesk evotor reconstruct.</source>
            <translation>
                <numerusform>The StockDesk database {path} was damaged ({detail}). It is kept as {copy}; a new database was started with the %n value you typed (also saved to {csv}). To rebuild the rest from the Evotor cloud, run: stockdesk evotor connect, then stockdesk evotor reconstruct.</numerusform>
                <numerusform>The StockDesk database {path} was damaged ({detail}). It is kept as {copy}; a new database was started with the %n values you typed (also saved to {csv}). To rebuild the rest from the Evotor cloud, run: stockdesk evotor connect, then stockdesk evotor reconstruct.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>The damaged database is kept as {copy}. The %n value(s) you typed are in the new database (and in {csv}).</source>
            <translation>
                <numerusform>The damaged database is kept as {copy}. The %n value you typed is in the new database (and in {csv}).</numerusform>
                <numerusform>The damaged database is kept as {copy}. The %n values you typed are in the new database (and in {csv}).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
        <message numerus="yes">
            <source>%n request(s) answered</source>
            <translation>
                <numerusform>%n request answered</numerusform>
                <numerusform>%n requests answered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rejected</source>
            <translation>
                <numerusform>%n rejected</numerusform>
                <numerusform>%n rejected</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warehouse(s)</source>
            <translation>
                <numerusform>%n warehouse</numerusform>
                <numerusform>%n warehouses</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n availability row(s)</source>
            <translation>
                <numerusform>%n availability row</numerusform>
                <numerusform>%n availability rows</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n offer(s)</source>
            <translation>
                <numerusform>%n offer</numerusform>
                <numerusform>%n offers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with unknown stock (not sent)</source>
            <translation>
                <numerusform>%n with unknown stock (not sent)</numerusform>
                <numerusform>%n with unknown stock (not sent)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n shared by several products (not sent until an override says which)</source>
            <translation>
                <numerusform>%n shared by several products (not sent until an override says which)</numerusform>
                <numerusform>%n shared by several products (not sent until an override says which)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Channels</name>
        <message numerus="yes">
            <source>%n item(s) could not be sent.</source>
            <translation>
                <numerusform>%n item could not be sent.</numerusform>
                <numerusform>%n items could not be sent.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) changed in the cloud with no document: written back.</source>
            <translation>
                <numerusform>%n balance changed in the cloud with no document: written back.</numerusform>
                <numerusform>%n balances changed in the cloud with no document: written back.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) need a product chosen.</source>
            <translation>
                <numerusform>%n item needs a product chosen.</numerusform>
                <numerusform>%n items need a product chosen.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChannelCard</name>
        <message numerus="yes">
            <source>%n read</source>
            <translation>
                <numerusform>%n read</numerusform>
                <numerusform>%n read</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n answered</source>
            <translation>
                <numerusform>%n answered</numerusform>
                <numerusform>%n answered</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n sent</source>
            <translation>
                <numerusform>%n sent</numerusform>
                <numerusform>%n sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ChannelsTab</name>
        <message numerus="yes">
            <source>%n item(s)</source>
            <translation>
                <numerusform>%n item</numerusform>
                <numerusform>%n items</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ConnectForm</name>
        <message numerus="yes">
            <source>%n store(s) found:</source>
            <translation>
                <numerusform>%n store found:</numerusform>
                <numerusform>%n stores found:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DonePage</name>
        <message numerus="yes">
            <source>%n product(s)</source>
            <translation>
                <numerusform>%n product</numerusform>
                <numerusform>%n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n got their number from the documents</source>
            <translation>
                <numerusform>%n got its number from the documents</numerusform>
                <numerusform>%n got their number from the documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n still need your decision (Review tab)</source>
            <translation>
                <numerusform>%n still needs your decision (Review tab)</numerusform>
                <numerusform>%n still need your decision (Review tab)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) sent to Evotor</source>
            <translation>
                <numerusform>%n balance sent to Evotor</numerusform>
                <numerusform>%n balances sent to Evotor</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DriftPanel</name>
        <message numerus="yes">
            <source>%n balance(s) in the Evotor cloud changed with no document since StockDesk last saw them. StockDesk wrote its values back. If the cloud was right, choose the product and press «The cloud is right».</source>
            <translation>
                <numerusform>%n balance in the Evotor cloud changed with no document since StockDesk last saw it. StockDesk wrote its value back. If the cloud was right, choose the product and press «The cloud is right».</numerusform>
                <numerusform>%n balances in the Evotor cloud changed with no document since StockDesk last saw them. StockDesk wrote its values back. If the cloud was right, choose the product and press «The cloud is right».</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MappingModel</name>
        <message numerus="yes">
            <source>%n candidate(s): choose one</source>
            <translation>
                <numerusform>%n candidate: choose one</numerusform>
                <numerusform>%n candidates: choose one</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MappingView</name>
        <message numerus="yes">
            <source>%n matched automatically</source>
            <translation>
                <numerusform>%n matched automatically</numerusform>
                <numerusform>%n matched automatically</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n chosen by you</source>
            <translation>
                <numerusform>%n chosen by you</numerusform>
                <numerusform>%n chosen by you</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with several candidates</source>
            <translation>
                <numerusform>%n with several candidates</numerusform>
                <numerusform>%n with several candidates</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n without a product</source>
            <translation>
                <numerusform>%n without a product</numerusform>
                <numerusform>%n without a product</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MoySkladForm</name>
        <message numerus="yes">
            <source>Connected: %n store(s) in MoySklad</source>
            <translation>
                <numerusform>Connected: %n store in MoySklad</numerusform>
                <numerusform>Connected: %n stores in MoySklad</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MoySkladPage</name>
        <message numerus="yes">
            <source>%n product(s) differ</source>
            <translation>
                <numerusform>%n product differs</numerusform>
                <numerusform>%n products differ</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n agree</source>
            <translation>
                <numerusform>%n agrees</numerusform>
                <numerusform>%n agree</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n without a MoySklad figure</source>
            <translation>
                <numerusform>%n without a MoySklad figure</numerusform>
                <numerusform>%n without a MoySklad figure</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported: %n stock row(s).</source>
            <translation>
                <numerusform>Imported: %n stock row.</numerusform>
                <numerusform>Imported: %n stock rows.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n value(s) taken into the review.</source>
            <translation>
                <numerusform>%n value taken into the review.</numerusform>
                <numerusform>%n values taken into the review.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProductsTab</name>
        <message numerus="yes">
            <source>%n product(s)</source>
            <translation>
                <numerusform>%n product</numerusform>
                <numerusform>%n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n from documents</source>
            <translation>
                <numerusform>%n from documents</numerusform>
                <numerusform>%n from documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entered by you</source>
            <translation>
                <numerusform>%n entered by you</numerusform>
                <numerusform>%n entered by you</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n need your decision</source>
            <translation>
                <numerusform>%n needs your decision</numerusform>
                <numerusform>%n need your decision</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n differ from the cloud</source>
            <translation>
                <numerusform>%n differs from the cloud</numerusform>
                <numerusform>%n differ from the cloud</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PushPanel</name>
        <message numerus="yes">
            <source>&amp;Finish the interrupted push (%n)</source>
            <translation>
                <numerusform>&amp;Finish the interrupted push (%n)</numerusform>
                <numerusform>&amp;Finish the interrupted push (%n)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Send %n change(s) to Evotor</source>
            <translation>
                <numerusform>&amp;Send %n change to Evotor</numerusform>
                <numerusform>&amp;Send %n changes to Evotor</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) will change</source>
            <translation>
                <numerusform>%n balance will change</numerusform>
                <numerusform>%n balances will change</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already right in the cloud</source>
            <translation>
                <numerusform>%n already right in the cloud</numerusform>
                <numerusform>%n already right in the cloud</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not decided yet: left as they are</source>
            <translation>
                <numerusform>%n not decided yet: left as it is</numerusform>
                <numerusform>%n not decided yet: left as they are</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n balance(s) sent to Evotor.</source>
            <translation>
                <numerusform>%n balance sent to Evotor.</numerusform>
                <numerusform>%n balances sent to Evotor.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n no longer needed: not sent.</source>
            <translation>
                <numerusform>%n no longer needed: not sent.</numerusform>
                <numerusform>%n no longer needed: not sent.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>With the interrupted push: %n sent in all.</source>
            <translation>
                <numerusform>With the interrupted push: %n sent in all.</numerusform>
                <numerusform>With the interrupted push: %n sent in all.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n could not be sent: see the Result column, then retry.</source>
            <translation>
                <numerusform>%n could not be sent: see the Result column, then retry.</numerusform>
                <numerusform>%n could not be sent: see the Result column, then retry.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReconstructPanel</name>
        <message numerus="yes">
            <source>%n of %1 months read</source>
            <translation>
                <numerusform>%n of %1 months read</numerusform>
                <numerusform>%n of %1 months read</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n of %1 products</source>
            <translation>
                <numerusform>%n of %1 products</numerusform>
                <numerusform>%n of %1 products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) read</source>
            <translation>
                <numerusform>%n document read</numerusform>
                <numerusform>%n documents read</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) settled</source>
            <translation>
                <numerusform>%n product settled</numerusform>
                <numerusform>%n products settled</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n still open</source>
            <translation>
                <numerusform>%n still open</numerusform>
                <numerusform>%n still open</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) in the store.</source>
            <translation>
                <numerusform>%n product in the store.</numerusform>
                <numerusform>%n products in the store.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n got their number from the documents.</source>
            <translation>
                <numerusform>%n got its number from the documents.</numerusform>
                <numerusform>%n got their number from the documents.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n could not be settled by the documents (see Review).</source>
            <translation>
                <numerusform>%n could not be settled by the documents (see Review).</numerusform>
                <numerusform>%n could not be settled by the documents (see Review).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Read %n document(s)</source>
            <translation>
                <numerusform>Read %n document</numerusform>
                <numerusform>Read %n documents</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) have documents that disagree with each other.</source>
            <translation>
                <numerusform>%n product has documents that disagree with each other.</numerusform>
                <numerusform>%n products have documents that disagree with each other.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewModel</name>
        <message numerus="yes">
            <source> (+%n more)</source>
            <translation>
                <numerusform> (+%n more)</numerusform>
                <numerusform> (+%n more)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n document(s) disagree with the ones before them.</source>
            <translation>
                <numerusform>%n document disagrees with the ones before it.</numerusform>
                <numerusform>%n documents disagree with the ones before them.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>set %n product(s) to %1</source>
            <translation>
                <numerusform>set %n product to %1</numerusform>
                <numerusform>set %n products to %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>keep the cloud value for %n product(s)</source>
            <translation>
                <numerusform>keep the cloud value for %n product</numerusform>
                <numerusform>keep the cloud value for %n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>skip %n product(s)</source>
            <translation>
                <numerusform>skip %n product</numerusform>
                <numerusform>skip %n products</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>clear the decision for %n product(s)</source>
            <translation>
                <numerusform>clear the decision for %n product</numerusform>
                <numerusform>clear the decision for %n products</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewWidget</name>
        <message numerus="yes">
            <source>%n product(s) changed and saved.</source>
            <translation>
                <numerusform>%n product changed and saved.</numerusform>
                <numerusform>%n products changed and saved.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) to review</source>
            <translation>
                <numerusform>%n product to review</numerusform>
                <numerusform>%n products to review</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not decided yet (they are not sent until you decide)</source>
            <translation>
                <numerusform>%n not decided yet (it is not sent until you decide)</numerusform>
                <numerusform>%n not decided yet (they are not sent until you decide)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n product(s) written to %1. Fill in the new_value column and import the file again.</source>
            <translation>
                <numerusform>%n product written to %1. Fill in the new_value column and import the file again.</numerusform>
                <numerusform>%n products written to %1. Fill in the new_value column and import the file again.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n value(s) imported and saved.</source>
            <translation>
                <numerusform>%n value imported and saved.</numerusform>
                <numerusform>%n values imported and saved.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>…and %n more.</source>
            <translation>
                <numerusform>…and %n more.</numerusform>
                <numerusform>…and %n more.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n line(s) could not be used:</source>
            <translation>
                <numerusform>%n line could not be used:</numerusform>
                <numerusform>%n lines could not be used:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StoreCard</name>
        <message numerus="yes">
            <source>%n product(s) need your decision.</source>
            <translation>
                <numerusform>%n product needs your decision.</numerusform>
                <numerusform>%n products need your decision.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StoresPage</name>
        <message numerus="yes">
            <source>%n store(s) selected.</source>
            <translation>
                <numerusform>%n store selected.</numerusform>
                <numerusform>%n stores selected.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>YandexForm</name>
        <message numerus="yes">
            <source>Connected: %n offer(s).</source>
            <translation>
                <numerusform>Connected: %n offer.</numerusform>
                <numerusform>Connected: %n offers.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>YandexPage</name>
        <message numerus="yes">
            <source>%n stock value(s) will be sent</source>
            <translation>
                <numerusform>%n stock value will be sent</numerusform>
                <numerusform>%n stock values will be sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n below zero, sent as 0</source>
            <translation>
                <numerusform>%n below zero, sent as 0</numerusform>
                <numerusform>%n below zero, sent as 0</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n older than a day</source>
            <translation>
                <numerusform>%n older than a day</numerusform>
                <numerusform>%n older than a day</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with unknown stock: not sent</source>
            <translation>
                <numerusform>%n with unknown stock: not sent</numerusform>
                <numerusform>%n with unknown stock: not sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n not matched: not sent</source>
            <translation>
                <numerusform>%n not matched: not sent</numerusform>
                <numerusform>%n not matched: not sent</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stock value(s) sent to Yandex Market.</source>
            <translation>
                <numerusform>%n stock value sent to Yandex Market.</numerusform>
                <numerusform>%n stock values sent to Yandex Market.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed:</source>
            <translation>
                <numerusform>%n failed:</numerusform>
                <numerusform>%n failed:</numerusform>
            </translation>
        </message>
    </context>
</TS>
