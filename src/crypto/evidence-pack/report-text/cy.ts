// Geiriau'r gwiriwr yn Gymraeg: yr adroddiad ar /cy/verify ac `npm run verify -- --lang cy`. Rhaid i bob allwedd
// fod yn en.ts hefyd. Geiriau'r eirfa (src/server/content/cy/GLOSSARY.yaml): cofnod, pecyn tystiolaeth, swyddog
// heddlu. Termau heb air Cymraeg sefydlog (dewis un awdur; dylai ail ddarllenydd rhugl eu gwirio yn erbyn TermCymru):
// - "tree head" = "pen coeden y log": does dim term sefydlog; yr un term bob tro.
// - "commitment" = "yr hyn a ymrwymwyd": ôl bys (SHA-256) y testun a'r halen, wedi'i anfon i'r log.
// - "salt" = "halen": y 32 beit ar hap; does dim term sefydlog.
// - "receipt" = "derbynneb" (benywaidd: "y dderbynneb"), "inclusion proof" = "prawf cynnwys", "consistency proof"
//   = "prawf cysondeb", "key id" = "dynodydd yr allwedd", "log position" = "safle yn y log".
// Amser 24 awr (14:02), nid 2:02yp: mae swyddog yn cymharu'r amser â'r PDF a'r fersiwn Saesneg, ac mae'r ddau yn
// defnyddio 24 awr. Mae "{count}" mewn neges luosog yn dewis y ffurf gyda'r treiglad y mae'r rhif yn ei achosi
// (2 gofnod, 3 chofnod, 6 chofnod); lle nad yw'r enw'n treiglo (ffeil, neges) mae'r chwe ffurf yr un fath.
import type { en } from './en.ts';

const KEY_NOT_KNOWN =
  "nad yw'n allwedd log Casebook (nid yw yn ffeil allweddi'r pecyn nac ymhlith yr allweddi rydych chi'n ymddiried ynddyn nhw)";
const KEY_NOT_TRUSTED = "sydd yn y pecyn ond nad yw'n un o'r allweddi Casebook rydych chi'n ymddiried ynddyn nhw";

export const cy: typeof en = {
  place: {
    entry: 'Cofnod {entry}',
    version: 'Cofnod {entry}, fersiwn {version}',
  },
  time: {
    at: '{day} am {clock}',
    uk: '{when} (amser y DU)',
    unreadable: 'amser na ellir ei ddarllen',
  },
  format: {
    unreadableZip: 'Nid yw hon yn ffeil ZIP y gellir ei darllen ({detail})',
    tooLarge: "Mae'r ZIP yn agor i fwy na {mib} MiB, sy'n fwy nag unrhyw becyn tystiolaeth",
    impossibleSize:
      "Mae {name} yn y ZIP yn honni ei fod yn agor i {claimed} beit o {size}, mwy nag y gall unrhyw ffeil go iawn: mae'r ZIP wedi'i ddifrodi neu wedi'i greu'n fwriadol",
    noManifest: "Does dim manifest.json yn y ZIP hwn, felly nid yw'n becyn tystiolaeth Casebook.",
    notManifest: 'Nid manifest pecyn tystiolaeth Casebook yw manifest.json.',
    otherVersion: "Mae'r pecyn hwn yn fformat {found}; mae'r gwiriwr hwn yn darllen fformat {known}. Defnyddiwch wiriwr mwy newydd.",
    noFileList: 'Does dim rhestr o ffeiliau y gellir ei darllen yn manifest.json.',
    noIndex: 'Does dim pack.json yn y ZIP hwn, felly ni ellir ei ddarllen fel pecyn tystiolaeth Casebook.',
    badIndex: 'Ni ellir darllen pack.json: nid yw yn nhrefn fformat 1 y pecyn tystiolaeth.',
    badTrustedKey: "Nid yw un o'r allweddi cyhoeddus a roesoch yn allwedd Ed25519 32 beit mewn base64url.",
  },
  files: {
    duplicate: "Mae mwy nag un ffeil o'r enw {path} yn y ZIP: byddai rhaglenni gwahanol yn dangos ffeiliau gwahanol.",
    unlisted: 'Mae {path} yn y pecyn ond nid yn manifest.json: cafodd ei ychwanegu ar ôl gwneud y pecyn.',
    changed: "Mae {path} wedi newid ers gwneud y pecyn: nid ei SHA-256 yw'r un sydd yn manifest.json.",
    removed: 'Mae {path} yn manifest.json ond nid yw yn y pecyn: cafodd ei dynnu allan.',
    extra: 'Nid yw {path} yn perthyn i unrhyw gofnod nac atodiad yn pack.json: ffeil ychwanegol yw hi.',
    summaryEdited:
      "pack.json: nid yw ffigurau'r crynodeb (niferoedd fesul ymddygiad, dyddiadau) yn cyfateb i'r cofnodion yn y pecyn — maen nhw wedi cael eu golygu.",
  },
  keys: {
    fileMissing: "Mae {path} ar goll neu ni ellir ei ddarllen: nid yw'r pecyn yn dweud pa allwedd a'i llofnododd.",
    notAKey: '{path}: nid yw {value} yn allwedd gyhoeddus Ed25519.',
    wrongId: "{path}: nid yw dynodydd yr allwedd {given} yn SHA-256 o'i hallwedd gyhoeddus ({logId}).",
  },
  treeHead: {
    missing: 'Mae {path} ar goll neu ni ellir ei ddarllen: ni ellir dangos bod unrhyw gofnod yn log Casebook.',
    unknownKey: `Cafodd pen coeden y log ei lofnodi ag allwedd ${KEY_NOT_KNOWN}.`,
    untrustedKey: `Cafodd pen coeden y log ei lofnodi ag allwedd {logId}, ${KEY_NOT_TRUSTED}.`,
    badSignature:
      "Mae llofnod pen coeden y log (maint {size}, {time}) yn annilys: mae wedi cael ei newid, neu nid Casebook a'i llofnododd.",
  },
  entry: {
    noVersions: '{place}: nid yw pack.json yn rhestru unrhyw fersiwn ohono — mae wedi cael ei wagio.',
    versionGaps:
      "{place}: nid yw'r fersiynau yn 1 i {last} yn eu trefn (mae'r pecyn yn dal {held}) — mae fersiwn wedi cael ei thynnu allan, neu mae'r fersiynau wedi cael eu haildrefnu.",
    versionGapsMissing:
      "{place}: nid yw'r fersiynau yn 1 i {last} yn eu trefn (mae'r pecyn yn dal {held}; ar goll: {missing}) — mae fersiwn wedi cael ei thynnu allan, neu mae'r fersiynau wedi cael eu haildrefnu.",
    loggedBefore:
      "{place}: cafodd fersiwn {later} ei chofnodi yn y log cyn fersiwn {earlier} ({laterTime}, safle {laterLeaf} yn y log, o'i gymharu â {earlierTime}, safle {earlierLeaf}) — mae'r fersiynau wedi cael eu cyfnewid neu eu haildrefnu.",
    sameLeaf: 'Mae gan {place} yr un safle yn y log ({leaf}) â {other}: mae un dderbynneb yn cael ei dangos ar gyfer dwy fersiwn.',
    reordered:
      "Mae cofnod {after} yn dod ar ôl cofnod {before} yn pack.json, ond digwyddodd yn gynharach (neu cafodd ei gofnodi yn y log yn gynharach) — mae'r cofnodion wedi cael eu haildrefnu, felly efallai na fydd rhifau'r cofnodion yr un fath â'r PDF.",
  },
  version: {
    missingOne: "{place}: mae {paths} ar goll, felly ni ellir gwirio'r fersiwn hon — mae rhan ohoni wedi cael ei thynnu allan.",
    missingSome: "{place}: mae {paths} ar goll, felly ni ellir gwirio'r fersiwn hon — mae rhan ohoni wedi cael ei thynnu allan.",
    missingAll: "{place}: mae {paths} ar goll, felly ni ellir gwirio'r fersiwn hon — mae wedi cael ei thynnu allan o'r pecyn.",
    notJson: '{place}: nid yw {path} yn JSON y gellir ei ddarllen — mae wedi cael ei ddifrodi neu ei olygu.',
    notCanonical:
      '{place}: nid yw {path} yn y ffurf ganonaidd (RFC 8785) y cafodd ei ymrwymo ynddi — mae wedi cael ei ailysgrifennu neu ei olygu.',
    receiptUnreadable:
      '{place}: ni ellir darllen y dderbynneb {path}, felly does dim i ddangos pryd cafodd y fersiwn hon ei chofnodi yn y log.',
    unknownKey: `{place}: cafodd y dderbynneb (dyddiad {time}) ei llofnodi ag allwedd ${KEY_NOT_KNOWN}.`,
    untrustedKey: `{place}: cafodd y dderbynneb (dyddiad {time}) ei llofnodi ag allwedd {logId}, ${KEY_NOT_TRUSTED}.`,
    badSignature:
      "{place}: nid yw llofnod y dderbynneb yn gywir — mae ei hamser, ei safle yn y log neu ei hôl bys wedi newid ers i Casebook ei llofnodi (mae'n dweud {time} nawr).",
    whenSigned: 'ar {time}',
    whenClaimed: "yn y dderbynneb sydd â'r dyddiad {time}",
    saltLength:
      "{place}: mae'r halen {path} yn {bytes} beit, nid 32 — mae wedi newid, felly ni ellir cysylltu'r testun â'r hyn a ymrwymwyd {when}.",
    textChanged: "{place}: nid yw'r testun yr un fath â'r hyn a ymrwymwyd {when} — mae wedi newid ers hynny (neu mae ei halen wedi newid).",
    proofUnreadable: '{place}: ni ellir darllen y prawf cynnwys {path}, felly ni ellir dangos bod y fersiwn hon yn log Casebook.',
    proofForOther:
      "{place}: mae'r prawf cynnwys ar gyfer safle {proofLeaf} o {proofSize} yn y log, nid safle'r dderbynneb hon ({leaf}) ym mhen coeden y pecyn o faint {size} — mae wedi cael ei newid neu ei gyfnewid.",
    beyondLog:
      "{place}: mae safle'r dderbynneb yn y log ({leaf}) y tu hwnt i ddiwedd pen coeden y log (maint {size}) — ni all fod yn y log hwnnw.",
    notInLog:
      "{place}: nid yw'r prawf bod y fersiwn hon yn log Casebook yn arwain at ben coeden llofnodedig y log — mae'r prawf neu'r dderbynneb wedi newid, neu ni chafodd y fersiwn ei chofnodi yn y log erioed.",
    afterTreeHead:
      '{place}: dyddiad y dderbynneb yw {time}, sydd ar ôl pen coeden y log ({headTime}) a ddylai ei chynnwys — mae ei hamser wedi cael ei newid.',
  },
  attachment: {
    label: 'Atodiad {name}',
    labelOwned: 'Atodiad {name} (cofnod {entry})',
    missing: "{label}: mae'r ffeil {path} ar goll o'r pecyn.",
    changed: "{label}: mae'r ffeil wedi cael ei newid neu ei chyfnewid — nid ei SHA-256 yw'r un y mae'r pecyn yn ei henwi wrtho.",
    size: "{label}: mae pack.json yn dweud ei bod yn {size} beit, ond mae'r ffeil yn {actual}.",
    otherHash: "{label}: ymrwymodd {place} i ffeil â SHA-256 gwahanol — mae'r llun neu'r ffeil wedi cael eu cyfnewid.",
    otherName: "{label}: mae {place} yn galw'r ffeil hon yn {given}, nid {name}.",
    entryUnreadable:
      "{label}: mae cofnod {entry}, fersiwn {version}, y mae'n perthyn iddo, ar goll neu ni ellir ei ddarllen, felly ni ellir cysylltu'r ffeil ag ef.",
    unused: '{label}: does dim cofnod yn y pecyn yn cyfeirio at y ffeil hon, er bod pack.json yn dweud ei bod yn perthyn i un.',
    usersEdited: "{label}: nid yw pack.json yn rhestru'n gywir y cofnodion sy'n cyfeirio at y ffeil hon — mae wedi cael ei olygu.",
  },
  imported: {
    message: '{place}, neges {message} ({sender}, {time})',
    unreadable: '{place}: ni ellir gwirio ei negeseuon, oherwydd ni ellir darllen y ffeil allforio wreiddiol {file} eto: {reason}',
    noMessage: "{label}: does dim neges yn y ffeil allforio wreiddiol {file} yn {locator} — nid yw'r cofnod yr un fath â'r ffeil.",
    textChanged:
      "{label}: nid yw'r testun yr un fath â'r hyn sydd yn y ffeil allforio wreiddiol {file} yn {locator} — mae wedi cael ei newid.",
    senderChanged: "{label}: yn ôl y ffeil allforio wreiddiol {file}, {sender} yw'r anfonwr yn {locator} — mae wedi cael ei newid.",
    timeChanged: '{label}: yn ôl y ffeil allforio wreiddiol {file}, yr amser yn {locator} yw {time} — mae wedi cael ei newid.',
    withoutOriginal: '{place} ({file})',
    originalsMissing: {
      zero: "Mae {count} cofnod a ddaeth o ffeil allforio wedi cael eu pacio heb y ffeil wreiddiol ({list}), felly ni ellid gwirio'r negeseuon hynny yn ei herbyn.",
      one: "Mae {count} cofnod a ddaeth o ffeil allforio wedi cael ei bacio heb y ffeil wreiddiol ({list}), felly ni ellid gwirio'r negeseuon hynny yn ei herbyn.",
      two: "Mae {count} gofnod a ddaeth o ffeil allforio wedi cael eu pacio heb y ffeil wreiddiol ({list}), felly ni ellid gwirio'r negeseuon hynny yn ei herbyn.",
      few: "Mae {count} chofnod a ddaeth o ffeil allforio wedi cael eu pacio heb y ffeil wreiddiol ({list}), felly ni ellid gwirio'r negeseuon hynny yn ei herbyn.",
      many: "Mae {count} chofnod a ddaeth o ffeil allforio wedi cael eu pacio heb y ffeil wreiddiol ({list}), felly ni ellid gwirio'r negeseuon hynny yn ei herbyn.",
      other:
        "Mae {count} cofnod a ddaeth o ffeil allforio wedi cael eu pacio heb y ffeil wreiddiol ({list}), felly ni ellid gwirio'r negeseuon hynny yn ei herbyn.",
    },
    andMore: '…',
  },
  consistency: {
    ownHeadFailed: "Ni ellid cymharu pen coeden presennol y log: ni wnaeth pen coeden y pecyn ei hun basio'r gwiriad.",
    unknownKey: `Cafodd y pen coeden presennol a roesoch ei lofnodi ag allwedd ${KEY_NOT_KNOWN}.`,
    untrustedKey: `Cafodd y pen coeden presennol a roesoch ei lofnodi ag allwedd {logId}, ${KEY_NOT_TRUSTED}.`,
    badSignature: 'Mae llofnod y pen coeden presennol a roesoch yn annilys.',
    rewritten:
      "Nid yw log Casebook fel y mae wedi'i gyhoeddi nawr (maint {size}, {time}) yn estyniad o'r log yn y pecyn hwn (maint {packSize}): naill ai mae'r prawf cysondeb yn anghywir, neu mae'r log wedi cael ei ailysgrifennu ers gwneud y pecyn.",
  },
  notice: {
    untimed: {
      zero: "Nid yw {count} ffeil atodedig wedi'u henwi wrth eu SHA-256 yn y cofnod sy'n cyfeirio atyn nhw ({names}): mae'r ffeiliau'n cyfateb i'r pecyn hwn, ond nid yw'r derbynebau'n dangos pryd roedden nhw'n bodoli — dim ond nad ydyn nhw wedi newid ers gwneud y pecyn.",
      one: "Nid yw {count} ffeil atodedig wedi'i henwi wrth ei SHA-256 yn y cofnod sy'n cyfeirio ati ({names}): mae'r ffeil yn cyfateb i'r pecyn hwn, ond nid yw'r derbynebau'n dangos pryd roedd hi'n bodoli — dim ond nad yw hi wedi newid ers gwneud y pecyn.",
      two: "Nid yw {count} ffeil atodedig wedi'u henwi wrth eu SHA-256 yn y cofnod sy'n cyfeirio atyn nhw ({names}): mae'r ffeiliau'n cyfateb i'r pecyn hwn, ond nid yw'r derbynebau'n dangos pryd roedden nhw'n bodoli — dim ond nad ydyn nhw wedi newid ers gwneud y pecyn.",
      few: "Nid yw {count} ffeil atodedig wedi'u henwi wrth eu SHA-256 yn y cofnod sy'n cyfeirio atyn nhw ({names}): mae'r ffeiliau'n cyfateb i'r pecyn hwn, ond nid yw'r derbynebau'n dangos pryd roedden nhw'n bodoli — dim ond nad ydyn nhw wedi newid ers gwneud y pecyn.",
      many: "Nid yw {count} ffeil atodedig wedi'u henwi wrth eu SHA-256 yn y cofnod sy'n cyfeirio atyn nhw ({names}): mae'r ffeiliau'n cyfateb i'r pecyn hwn, ond nid yw'r derbynebau'n dangos pryd roedden nhw'n bodoli — dim ond nad ydyn nhw wedi newid ers gwneud y pecyn.",
      other:
        "Nid yw {count} ffeil atodedig wedi'u henwi wrth eu SHA-256 yn y cofnod sy'n cyfeirio atyn nhw ({names}): mae'r ffeiliau'n cyfateb i'r pecyn hwn, ond nid yw'r derbynebau'n dangos pryd roedden nhw'n bodoli — dim ond nad ydyn nhw wedi newid ers gwneud y pecyn.",
    },
    packKeyOnly:
      "Cafodd y llofnodion eu gwirio â'r allwedd log sydd yn y pecyn (dynodydd yr allwedd {logIds}). Mae hynny'n dangos bod y pecyn yn gyson ag ef ei hun. I fod yn siŵr nad yw'r pecyn cyfan wedi'i ffugio, cymharwch ddynodydd yr allwedd â'r un y mae Casebook yn ei gyhoeddi yn /.well-known/casebook-log.json, neu gwiriwch eto gan roi'r allwedd honno.",
    logNotCompared:
      "Ni chafodd pen coeden y pecyn ei gymharu â log cyhoeddedig presennol Casebook, felly nid yw'r gwiriad hwn yn dangos na chafodd y log ei ailysgrifennu ar ôl pen coeden y pecyn.",
  },
  summary: {
    oneEntry: "Mae'r cofnod yn gywir: roedd yn bodoli erbyn {time} fan bellaf, ac nid yw wedi newid ers hynny.",
    oneEntryVersions:
      "Mae'r cofnod yn gywir: roedd yn bodoli erbyn {earliest} fan bellaf, pob fersiwn ddiweddarach erbyn yr amser sydd wrth ei hochr (yr olaf {latest}), a does dim un wedi newid ers hynny.",
    allEntries: {
      zero: "Mae pob un o'r {count} cofnod yn gywir: roedd pob un yn bodoli erbyn yr amser sydd wrth ei ochr fan bellaf ({span}, amser y DU), ac nid yw wedi newid ers hynny.",
      one: "Mae pob un o'r {count} cofnod yn gywir: roedd pob un yn bodoli erbyn yr amser sydd wrth ei ochr fan bellaf ({span}, amser y DU), ac nid yw wedi newid ers hynny.",
      two: "Mae'r {count} gofnod yn gywir: roedd pob un yn bodoli erbyn yr amser sydd wrth ei ochr fan bellaf ({span}, amser y DU), ac nid yw wedi newid ers hynny.",
      few: "Mae pob un o'r {count} chofnod yn gywir: roedd pob un yn bodoli erbyn yr amser sydd wrth ei ochr fan bellaf ({span}, amser y DU), ac nid yw wedi newid ers hynny.",
      many: "Mae pob un o'r {count} chofnod yn gywir: roedd pob un yn bodoli erbyn yr amser sydd wrth ei ochr fan bellaf ({span}, amser y DU), ac nid yw wedi newid ers hynny.",
      other:
        "Mae pob un o'r {count} cofnod yn gywir: roedd pob un yn bodoli erbyn yr amser sydd wrth ei ochr fan bellaf ({span}, amser y DU), ac nid yw wedi newid ers hynny.",
    },
    spanOne: 'y cyfan ar {day}',
    span: 'y cynharaf {earliest}, yr olaf {latest}',
    noEntries: 'Does dim cofnodion yn y pecyn.',
    oneFile: "Mae'r ffeil atodedig yn cyfateb i'r pecyn.",
    twoFiles: "Mae'r ddwy ffeil atodedig yn cyfateb i'r pecyn.",
    allFiles: same("Mae pob un o'r {count} ffeil atodedig yn cyfateb i'r pecyn."),
    failed: same('METHODD Y GWIRIO. Nifer y problemau: {count}.'),
    entriesFailed: {
      zero: 'Ni ellid gwirio {count} cofnod ({which}); peidiwch â dibynnu arnyn nhw heb wirio ymhellach.',
      one: 'Ni ellid gwirio {count} cofnod ({which}); peidiwch â dibynnu arno heb wirio ymhellach.',
      two: 'Ni ellid gwirio {count} gofnod ({which}); peidiwch â dibynnu arnyn nhw heb wirio ymhellach.',
      few: 'Ni ellid gwirio {count} chofnod ({which}); peidiwch â dibynnu arnyn nhw heb wirio ymhellach.',
      many: 'Ni ellid gwirio {count} chofnod ({which}); peidiwch â dibynnu arnyn nhw heb wirio ymhellach.',
      other: 'Ni ellid gwirio {count} cofnod ({which}); peidiwch â dibynnu arnyn nhw heb wirio ymhellach.',
    },
    whichOne: 'cofnod {numbers}',
    whichSome: 'cofnodion {numbers}',
    whichMany: 'cofnodion {numbers} a mwy',
    otherEntry: "Mae'r cofnod arall yn gywir.",
    otherEntries: {
      zero: "Mae'r {count} cofnod arall yn gywir.",
      one: "Mae'r {count} cofnod arall yn gywir.",
      two: "Mae'r {count} gofnod arall yn gywir.",
      few: "Mae'r {count} chofnod arall yn gywir.",
      many: "Mae'r {count} chofnod arall yn gywir.",
      other: "Mae'r {count} cofnod arall yn gywir.",
    },
    logOnly:
      "Pasiodd pob cofnod ei wiriadau ei hun, ond nid yw log Casebook fel y mae wedi'i gyhoeddi nawr yn cynnwys log y pecyn heb ei newid.",
    wholeFailed: "Pasiodd pob cofnod ei wiriadau ei hun, ond ni phasiodd y pecyn cyfan: gweler y problemau sydd wedi'u rhestru.",
    filesFailed: same("Nid oedd {count} ffeil atodedig yn cyfateb i'r pecyn."),
    importsChanged: same("Nid yw {count} neges a ddaeth o ffeil allforio yr un fath â'r ffeil wreiddiol."),
    importsMatchOne: same("Mae'r {count} neges a ddaeth o ffeil allforio air am air yr un fath â'r ffeil wreiddiol."),
    importsMatch: same("Mae'r {count} neges a ddaeth o ffeiliau allforio air am air yr un fath â'r ffeiliau gwreiddiol."),
    packKeyOnly:
      "Cafodd y llofnodion eu gwirio â'r allwedd sydd yn y pecyn; cymharwch hi ag allwedd gyhoeddedig Casebook i fod yn siŵr nad yw'r pecyn cyfan wedi'i ffugio.",
    logConsistent: "Mae log Casebook fel y mae wedi'i gyhoeddi nawr yn dal i gynnwys log y pecyn hwn heb ei newid.",
  },
  cli: {
    heading: 'Pecyn tystiolaeth Casebook: {path}',
    made: '"{title}", wedi\'i wneud {time} (fformat {format})',
    packSha256: 'SHA-256 y pecyn: {sha256}',
    keys: same('Allwedd y log: {keys}'),
    keyTrusted: "{logId} (ymddiried ynddi: wedi'i rhoi i'r gwiriwr)",
    keyPackOnly: "{logId} (o'r pecyn yn unig)",
    treeHead: "Pen coeden y log: maint {size}, wedi'i lofnodi {time}, llofnod {status}",
    logConsistent: "Y log nawr: maint {size}, {time}: yn gyson â'r pecyn (heb ei ailysgrifennu)",
    logInconsistent: "Y log nawr: maint {size}, {time}: NID YW'N GYSON",
    logNotChecked: 'Y log nawr: HEB EI WIRIO (nid methiant yw hyn) — {reason}',
    passed: 'IAWN',
    failed: 'METHU',
    entry: same('Cofnod {number} ({id}): fersiynau: {count}{logged}'),
    loggedOnce: ', yn y log {time}',
    loggedSpan: ', yn y log o {first} i {last}',
    attachment: 'Atodiad {number} {name} sha256 {sha256}',
    attachmentUntimed: 'Atodiad {number} {name} sha256 {sha256} (does dim derbynneb yn ei gynnwys)',
    problems: 'Problemau ({count}):',
    notices: 'Sylwch:',
    cannotCheck: "Ni ellir gwirio'r pecyn hwn: {reason}",
  },
  status: {
    passed: 'wedi pasio',
    failed: 'wedi methu',
    notChecked: 'heb ei wirio',
  },
};

/** A message whose noun does not mutate after a number (ffeil, neges, or a number after a colon). */
function same(message: string) {
  return { zero: message, one: message, two: message, few: message, many: message, other: message };
}
