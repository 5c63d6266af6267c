<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CalendarPage</name>
    <message numerus="yes">
        <source>Wrote %n follow-up(s) to %1; open it with Outlook, Thunderbird or Google Calendar.</source>
        <translation>
            <numerusform>Wrote %n follow-up to %1; open it with Outlook, Thunderbird or Google Calendar.</numerusform>
            <numerusform>Wrote %n follow-ups to %1; open it with Outlook, Thunderbird or Google Calendar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message numerus="yes">
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n row(s)? Nothing is written until you click the button below.</source>
        <translation>
            <numerusform>Import %n row? Nothing is written until you click the button below.</numerusform>
            <numerusform>Import %n rows? Nothing is written until you click the button below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1 (%n row)</numerusform>
            <numerusform>%1 (%n rows)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) written to %1.</source>
        <translation>
            <numerusform>%n customer written to %1.</numerusform>
            <numerusform>%n customers written to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The companies&apos; %n contact(s) are on the sheet “%1”.</source>
        <translation>
            <numerusform>The companies&apos; %n contact is on the sheet “%1”.</numerusform>
            <numerusform>The companies&apos; %n contacts are on the sheet “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The companies&apos; %n contact(s) are in %1.</source>
        <translation>
            <numerusform>The companies&apos; %n contact is in %1.</numerusform>
            <numerusform>The companies&apos; %n contacts are in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer file(s) have unsaved changes: %1. Discard them?</source>
        <translation>
            <numerusform>%n customer file has unsaved changes: %1. Discard them?</numerusform>
            <numerusform>%n customer files have unsaved changes: %1. Discard them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <source>Delete %n customer file(s)? You can undo this.</source>
        <translation>
            <numerusform>Delete %n customer file? You can undo this.</numerusform>
            <numerusform>Delete %n customer files? You can undo this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n customer file(s).</source>
        <translation>
            <numerusform>Deleted %n customer file.</numerusform>
            <numerusform>Deleted %n customer files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoDialog</name>
    <message numerus="yes">
        <source>This database already holds %Ln customer(s). Demo customers are added to them and cannot be told apart afterwards: to try camdesk out, make a new database first (File &gt; New database…).</source>
        <translation>
            <numerusform>This database already holds %Ln customer. Demo customers are added to them and cannot be told apart afterwards: to try camdesk out, make a new database first (File &gt; New database…).</numerusform>
            <numerusform>This database already holds %Ln customers. Demo customers are added to them and cannot be told apart afterwards: to try camdesk out, make a new database first (File &gt; New database…).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedbackPage</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldsDialog</name>
    <message numerus="yes">
        <source>Renamed a choice of %1 in %n customer file(s).</source>
        <translation>
            <numerusform>Renamed a choice of %1 in %n customer file.</numerusform>
            <numerusform>Renamed a choice of %1 in %n customer files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message numerus="yes">
        <source>The import is undone, except %n change(s) made since, kept as they are:</source>
        <translation>
            <numerusform>The import is undone, except %n change made since, kept as it is:</numerusform>
            <numerusform>The import is undone, except %n changes made since, kept as they are:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurchasesTab</name>
    <message numerus="yes">
        <source>margin %1 (of the %n order(s) with a cost)</source>
        <translation>
            <numerusform>margin %1 (of the %n order with a cost)</numerusform>
            <numerusform>margin %1 (of the %n orders with a cost)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s), total %1, %2, first %3, last %4</source>
        <translation>
            <numerusform>%n order, total %1, %2, first %3, last %4</numerusform>
            <numerusform>%n orders, total %1, %2, first %3, last %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentDialog</name>
    <message numerus="yes">
        <source>%n customer(s) match now.</source>
        <translation>
            <numerusform>%n customer matches now.</numerusform>
            <numerusform>%n customers match now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message numerus="yes">
        <source>Delete the tag %1? It is taken off %n customer(s); Undo in the customer list puts it back.</source>
        <translation>
            <numerusform>Delete the tag %1? It is taken off %n customer; Undo in the customer list puts it back.</numerusform>
            <numerusform>Delete the tag %1? It is taken off %n customers; Undo in the customer list puts it back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValuePage</name>
    <message numerus="yes">
        <source>every %n day(s)</source>
        <translation>
            <numerusform>every %n day</numerusform>
            <numerusform>every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) added since are not valued yet.</source>
        <translation>
            <numerusform>%n customer added since is not valued yet.</numerusform>
            <numerusform>%n customers added since are not valued yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ValueTab</name>
    <message numerus="yes">
        <source>%n day(s) with an order; first %2, last %3</source>
        <translation>
            <numerusform>%n day with an order; first %2, last %3</numerusform>
            <numerusform>%n days with an order; first %2, last %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Follow up every %n day(s); %1</source>
        <translation>
            <numerusform>Follow up every %n day; %1</numerusform>
            <numerusform>Follow up every %n days; %1</numerusform>
        </translation>
    </message>
</context>
</TS>
