// Geiriau'r PDF ei hun yn Gymraeg (y clawr, y log, y cofnodion, sut i'w wirio). Rhaid i bob allwedd fod yn en.ts
// hefyd. Yr un geiriau â'r eirfa (src/server/content/cy/GLOSSARY.yaml) a'r gwiriwr
// (src/crypto/evidence-pack/report-text/cy.ts): cofnod, pecyn tystiolaeth, derbynneb (benywaidd), pen coeden y
// log, safle yn y log, dynodydd y log, heddlu. "incident" = "digwyddiad"; "witness" = "tyst" (tystion).
// Amser 24 awr (14:02), fel y gwiriwr: mae swyddog yn cymharu'r PDF â'r fersiwn Saesneg. Mae "{count}" mewn neges
// luosog yn dewis y ffurf gyda'r treiglad (2 gofnod, 3 chofnod; 2 ddigwyddiad); lle nad yw'r enw'n treiglo
// (ffeil, fersiwn, beit) mae'r chwe ffurf yr un fath. Labeli'r dyddiadur (ymddygiadau, dulliau, rolau, effeithiau,
// elfennau'r gyfraith) nid yma: mae'r galwr yn eu rhoi (labels.ts). Dylai ail ddarllenydd rhugl wirio'r testun.
import type { en } from './en.ts';

const same = (text: string) => ({ zero: text, one: text, two: text, few: text, many: text, other: text });

export const cy: typeof en = {
  doc: {
    title: 'Pecyn tystiolaeth Casebook {packId}',
    subject: "Cofnod o ddigwyddiadau a phecyn tystiolaeth. Gwiriwch ef gyda'i ZIP, dynodydd y pecyn {packId}.",
    keyword: 'pecyn tystiolaeth',
    footer: 'Pecyn tystiolaeth Casebook · {packId}',
    page: 'Tudalen {page} o {pages}',
    part: 'Cymraeg',
  },
  when: {
    day: 'Tua {day}',
    range: 'Rhwng {from} a {to}',
    timeNotKnown: '{day}\n(amser ddim yn hysbys)',
    logRange: 'O {from}\ntan {to}',
    written: '{when}\n(ysgrifennwyd)',
  },
  period: {
    both: '{from} tan {to}',
    from: 'O {from}',
    to: 'Hyd at {to}',
    all: 'Pob dyddiad',
  },
  cover: {
    outline: 'Clawr a chrynodeb',
    title: 'Cofnod o ddigwyddiadau a phecyn tystiolaeth',
    madeBy: 'Gwnaed gan',
    period: 'Cyfnod',
    madeOn: 'Gwnaed ar',
    madeOnValue: "{when} (cloc y ddyfais a'i gwnaeth)",
    incidents: 'Digwyddiadau a gofnodwyd',
    incidentsValue: '{count}, o {first} tan {last}',
    inPack: 'Yn y pecyn hwn',
    inPackValue: '{entries}, {versions}, {files}',
    inPackWithOthers: '{entries} ({others}), {versions}, {files}',
    entries: {
      zero: '{count} cofnod',
      one: '{count} cofnod',
      two: '{count} gofnod',
      few: '{count} chofnod',
      many: '{count} chofnod',
      other: '{count} cofnod',
    },
    others: same('{count} nodyn neu eitem arall'),
    versions: same("{count} fersiwn wedi'u cadw"),
    files: same('{count} ffeil ynghlwm'),
    police: "Wedi'i riportio i'r heddlu",
    policeValue: '{incidents}, {references} gyda chyfeirnod trosedd',
    policeIncidents: {
      zero: '{count} digwyddiad',
      one: '{count} digwyddiad',
      two: '{count} ddigwyddiad',
      few: '{count} digwyddiad',
      many: '{count} digwyddiad',
      other: '{count} digwyddiad',
    },
    packSha: 'SHA-256 y pecyn',
    packShaNote:
      "SHA-256 y ffeil ZIP a ddaeth gyda'r PDF hwn. Mae ar bob tudalen; os yw'n cyfateb i'r ZIP, mae'r PDF hwn yn disgrifio'r ZIP hwnnw.",
    uncovered: 'Nodau heb eu dangos',
    uncoveredValue: same(
      "Mae {count} cofnod neu enw yn defnyddio system ysgrifennu nad yw ffont y PDF hwn yn ei chynnwys; mae'r nodau hynny'n ymddangos fel blychau gwag. Mae'r union eiriau yn y ZIP, ac mae gwiriwr Casebook yn eu dangos.",
    ),
    byBehaviour: 'Beth ddigwyddodd, fesul ymddygiad',
    overTime: 'Digwyddiadau dros amser',
    guidance: "Beth mae'r gyfraith yn ei ddweud — canllaw, nid cyngor cyfreithiol",
    guidanceNote:
      "Wedi'i gyfrifo gan Casebook o'r digwyddiadau yn y pecyn hwn yn unig, yn ôl yr un rheolau â phanel cyfreithiol y dyddiadur. Nid yw'n ddyfarniad: yr heddlu a'r llysoedd sy'n penderfynu beth mae'r gyfraith yn ei olygu.",
  },
  chart: {
    months: 'Ion Chwef Maw Ebr Mai Meh Gorff Awst Medi Hyd Tach Rhag',
    caption: {
      day: 'Digwyddiadau bob dydd, yn ôl y diwrnod y dechreuodd pob un (amser y DU)',
      week: 'Digwyddiadau bob wythnos (o ddydd Llun), yn ôl y diwrnod y dechreuodd pob un (amser y DU)',
      month: 'Digwyddiadau bob mis, yn ôl y diwrnod y dechreuodd pob un (amser y DU)',
    },
  },
  log: {
    heading: 'Log yn ôl trefn amser',
    intro:
      'Un rhes i bob cofnod, yn y drefn y digwyddodd y digwyddiadau. "Rhif" yw rhif y cofnod a ddefnyddir yn y cofnodion llawn sy\'n dilyn ac yn pack.json yn y ZIP. Mae beth ddigwyddodd wedi\'i fyrhau yma; mae pob gair yn y cofnod llawn.',
    empty: 'Does dim cofnodion yn y pecyn hwn.',
    columns: {
      number: 'Rhif',
      when: 'Dyddiad ac amser',
      where: 'Lleoliad',
      what: 'Beth ddigwyddodd',
      witnesses: 'Tystion',
      evidence: 'Tystiolaeth',
      reported: "Wedi'i riportio i / cyfeirnod",
    },
    by: 'Gan {names}. {text}',
    note: 'Nodyn: {text}',
    cannotShow: 'Cofnod na all Casebook ei ddangos (gweler y ZIP).',
    fileMissing: 'Ffeil nad yw yn y pecyn hwn',
    police: 'Heddlu',
    reference: 'cyf {reference}',
  },
  people: {
    heading: 'Pobl a lleoedd a enwir',
    intro: "Fel mae'r person a wnaeth y pecyn hwn yn eu disgrifio. Mae pob cofnod yn dweud pa ran oedd ganddyn nhw y tro hwnnw.",
    role: 'Rôl arferol',
    relationship: "Sut maen nhw'n cael eu hadnabod",
    aliases: 'Enwau a chyfrifon eraill',
    description: 'Disgrifiad',
    contact: 'Cyswllt',
    address: 'Cyfeiriad',
    notes: 'Nodiadau',
    notIncluded: 'Person nad yw yn y pecyn hwn',
    notIncludedRole: 'Person nad yw yn y pecyn hwn ({role})',
    withRole: '{name} — {role}',
  },
  entries: {
    heading: 'Y cofnodion yn llawn',
    intro:
      "Pob cofnod fel y cafodd ei gadw ddiwethaf, gyda phob fersiwn a gadwyd. Mae union eiriau pob fersiwn yn y ZIP (entries/<id>/v<n>.json), pob un gyda'i derbynneb.",
    outline: 'Cofnod {number}: {title}',
    note: 'Nodyn',
    noteWritten: 'Nodyn, ysgrifennwyd {when}',
    cannotShow: 'Cofnod na all Casebook ei ddangos',
    cannotShowText:
      "Nid yw'r cofnod hwn yn ddigwyddiad nac yn nodyn yn y dyddiadur y gall y fersiwn hon o Casebook ei ddangos. Mae ei union gynnwys yn y ZIP, ac mae'r gwiriwr yn ei wirio fel unrhyw gofnod arall.",
    quickNote: "Wedi'i gadw fel nodyn cyflym, i'w gwblhau nes ymlaen.",
    when: 'Pryd',
    where: 'Ble',
    what: 'Beth ddigwyddodd',
    behaviours: 'Ymddygiadau',
    how: 'Sut',
    people: 'Pobl',
    effects: 'Yr effaith arnyn nhw',
    reported: "Wedi'i riportio i",
    text: 'Testun',
    id: 'Dynodydd y cofnod',
    files: 'Ffeiliau ynghlwm',
    file: '{name} ({type}, {size})\nSHA-256 {sha256}',
    fileMissing: 'Ffeil {id}: nid yw yn y pecyn hwn',
    labelled: '{label}: {detail}',
    fear: 'Wedi ofni y byddai trais yn cael ei ddefnyddio yn eu herbyn: {answer}',
    distress: 'Wedi achosi braw neu ofid: {answer}',
    yes: 'do',
    no: 'naddo',
    ownWords: 'Yn eu geiriau eu hunain: {text}',
    reportTo: '{to} ({name})',
    reportOn: 'ar {day}',
    reportReference: 'cyfeirnod trosedd {reference}',
    reportOfficer: 'swyddog {name}',
    versions: 'Fersiynau a gadwyd',
    version: 'Fersiwn',
    receiptTime: 'Amser y dderbynneb',
    leaf: 'Safle yn y log',
    shown: '{version} (uchod)',
    photos: 'Lluniau ynghlwm wrth gofnod {number}',
    photosContinued: 'Lluniau ynghlwm wrth gofnod {number} (parhad)',
    unreadableImage: "Ni ellid darllen y llun hwn; mae'r ffeil wreiddiol yn y ZIP.",
    bytes: same('{count} beit'),
  },
  messages: {
    heading: 'Negeseuon yng nghofnod {number} ({count})',
    source: "Yn union fel mae'r allforio gwreiddiol {name} yn eu dal (SHA-256 {sha256}).",
    inZip: "Mae'r ffeil yn y ZIP o dan attachments/, ac mae'r gwiriwr yn gwirio pob neges yn ei herbyn.",
    notInZip: "Nid yw'r ffeil honno yn y pecyn hwn, felly ni ellir gwirio'r negeseuon yn ei herbyn yma.",
    columns: { time: 'Amser', from: 'Oddi wrth', channel: 'Sianel', text: 'Testun' },
    noText: '(dim testun)',
  },
  verify: {
    heading: "Sut i wirio'r pecyn hwn",
    intro:
      "Mae ffeil ZIP yn dod gyda'r PDF hwn: y pecyn tystiolaeth. Mae'r ZIP yn dal pob cofnod yn union fel y cafodd ei gadw, y ffeiliau ynghlwm, a derbynneb ar gyfer pob fersiwn a gadwyd o log cyhoeddus Casebook. Gall unrhyw un ei wirio heb gyfrif a heb ymddiried yn Casebook nac yn y person a'i gwnaeth.",
    ways: "Tair ffordd o'i wirio",
    browser: '1. Mewn porwr gwe',
    browserText:
      "Agorwch {url} a gollwng y ZIP (a'r PDF hwn) arni. Mae popeth yn cael ei wirio ar eich cyfrifiadur; does dim yn cael ei uwchlwytho.",
    browserNoUrl: 'y dudalen /verify ar wefan Casebook',
    command: '2. Ar y llinell orchymyn',
    commandText:
      "Gyda chod ffynhonnell Casebook a Node.js: npm run verify -- pack.zip --lang cy (ychwanegwch --online <cyfeiriad Casebook> i gymharu â'r log fel y mae heddiw). Mae cod gadael 0 yn golygu bod pob gwiriad wedi llwyddo.",
    own: "3. Gyda'ch offer eich hun",
    ownText:
      "Mae docs/evidence-pack.md yng nghod ffynhonnell Casebook yn disgrifio'r fformat beit wrth feit ac yn rhoi sgript Python fer sy'n gwirio pecyn gyda stwnsio tebyg i sha256sum ac Ed25519 yn unig.",
    proves: "Beth mae'r gwiriadau yn ei brofi",
    proof1:
      "Bod testun pob cofnod (a phob llun y mae'r cofnod yn enwi ei SHA-256) yn union yr hyn oedd yn bodoli erbyn yr amser ar ei dderbynneb fan bellaf, ac nad yw wedi newid ers hynny: dim un nod.",
    proof2:
      "Bod pob fersiwn a gadwyd yn log cyhoeddus Casebook, na ellir ond ychwanegu ato, yn y drefn y cafodd ei hysgrifennu, felly ni all cofnod fod wedi cael ei ôl-ddyddio na'i ailysgrifennu'n dawel.",
    proof3:
      "Mai'r ffeiliau yn y ZIP yw'r rhai sydd wedi'u rhestru ynddo. Mae'r SHA-256 ar waelod pob tudalen yn enwi'r ZIP y gwnaed y PDF hwn gydag ef.",
    notProves: "Beth nad ydyn nhw'n ei brofi",
    limit1:
      "Bod y digwyddiadau wedi digwydd, neu wedi digwydd pryd neu fel mae'r cofnod yn ei ddweud: dim ond bod y geiriau hyn wedi'u hysgrifennu erbyn amser y dderbynneb fan bellaf.",
    limit2:
      "Bod y pecyn yn dal pob cofnod a ysgrifennodd y person: nhw sy'n dewis beth sy'n mynd i mewn. Cofnodwch SHA-256 y pecyn pan fyddwch chi'n ei gael; mae cofnod sy'n cael ei dynnu allan wedyn yn ei newid.",
    limit3:
      'Cloc y ddyfais a wnaeth y pecyn yw "Gwnaed ar" ar y clawr; nid yw\'n profi dim. Mae amseroedd y derbynebau yn dod o log Casebook.',
    limit4:
      "Mae'r crynodeb a'r canllaw cyfreithiol ar y clawr wedi'u cyfrifo o'r cofnodion er hwylustod. Nid tystiolaeth ydyn nhw, ac nid cyngor cyfreithiol.",
    limit5:
      "Copi darllenadwy yw'r PDF hwn, ac nid yw wedi'i lofnodi ei hun: lle mae'n wahanol i'r ZIP, y ZIP yw'r dystiolaeth. Gall y dudalen /verify gymharu'r ddau.",
    details: 'Manylion log y pecyn hwn',
    packSha: 'SHA-256 y pecyn',
    logKey: 'Allwedd y log (Ed25519)',
    logId: 'Dynodydd y log',
    treeHead: "Pen coeden y log wedi'i lofnodi",
    treeHeadValue: 'Cofnodion yn y log: {size}, am {when}; stwnsh gwraidd {root}',
    keyNote:
      "I ddiystyru pecyn a wnaed ag allwedd rhywun arall, cymharwch ddynodydd y log uchod â'r un y mae Casebook yn ei gyhoeddi yn /.well-known/casebook-log.json ar ei wefan, neu rhowch yr allwedd honno i'r gwiriwr (--key).",
  },
};
