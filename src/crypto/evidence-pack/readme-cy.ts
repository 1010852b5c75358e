// README.txt yn Gymraeg: yr un camau â readme.ts, i rywun sydd â'r ZIP hwn, terfynell a dim ymddiriedaeth yn
// Casebook. Mae'r gorchmynion a'r enwau ffeiliau yr un fath; dim ond y geiriau sy'n Gymraeg. Termau: gweler
// report-text/cy.ts (derbynneb, pen coeden y log, prawf cynnwys, halen, ôl bys).
import type { ReadmeFacts } from './readme.ts';
import { formatCount, ukTime } from './report-text/render.ts';

export function readmeTextCy({ index, treeHead, logKeys }: ReadmeFacts): string {
  const s = index.summary;
  const n = (count: number) => formatCount(count, 'cy');
  return `PECYN TYSTIOLAETH CASEBOOK (fformat ${index.formatVersion})
${index.title}
Wedi'i wneud ${ukTime(Date.parse(index.createdAt), 'cy')} ar ddyfais y person ei hun.

Cofnodion dyddiadur yn y pecyn hwn: ${n(s.entries)}. Fersiynau i gyd: ${n(s.versions)} (mae pob
fersiwn gynharach o gofnod a olygwyd yn y pecyn). Ffeiliau atodedig: ${n(s.attachments)}.

BETH Y GALL EI BROFI
Nid yw Casebook byth yn gweld y dyddiadur: mae cofnodion yn cael eu hamgryptio ar ddyfais y person.
Ond bob tro mae cofnod yn cael ei gadw, mae'r ddyfais yn anfon ôl bys ohono at Casebook (SHA-256
gyda halen, "commitment"). Mae Casebook yn ysgrifennu'r ôl bys hwnnw mewn log cyhoeddus na ellir ond
ychwanegu ato, ac yn llofnodi derbynneb gyda'r amser. Felly, heb ymddiried yn Casebook na'r person,
gallwch chi wirio:
  * bod pob fersiwn o gofnod yn y pecyn hwn yn union y testun a roddodd yr ôl bys (heb ei newid ers hynny);
  * bod yr ôl bys hwnnw yn log Casebook erbyn yr amser ar ei dderbynneb (heb ei ysgrifennu'n hwyrach,
    heb ddyddiad cynharach ffug);
  * nad yw'r log wedi cael ei ailysgrifennu ers hynny (dewisol: cymharwch â chyflwr cyhoeddedig y log nawr).
NID yw'n profi bod yr hyn y mae cofnod yn ei ddisgrifio wedi digwydd, nac wedi digwydd ar yr amser y
mae'r cofnod yn ei ddweud: dim ond bod y geiriau hyn yn bodoli, heb eu newid, erbyn amser y dderbynneb.
Mae derbynneb yn cynnwys ffeil atodedig dim ond pan fydd y cofnod sy'n sôn amdani yn cofnodi ei SHA-256
("sha256" yn rhestr atodiadau'r cofnod); fel arall, dim ond mor hen â'r pecyn hwn yw hi.

Y FFORDD HAWDD
Defnyddiwch wiriwr Casebook, sy'n gweithio all-lein: agorwch y dudalen /cy/verify ar wefan Casebook a
llusgwch y ZIP hwn iddi (does dim byd yn cael ei uwchlwytho), neu gyda Node.js:
  npm run verify -- y-pecyn-hwn.zip --lang cy
Mae ei god ffynhonnell yn gyhoeddus; efallai y byddai'n well gennych chi wirio â llaw, fel isod.

Â LLAW (unrhyw derfynell Linux/macOS, Python 3 ac OpenSSL 3)
Dadsipiwch y pecyn i ffolder wag a gweithiwch ynddi.

1. Mae'r ffeiliau'n gyfan. Mae manifest.json yn rhestru SHA-256 pob ffeil arall:
     python3 -c "import json;[print(h+'  '+p) for p,h in json.load(open('manifest.json'))['files'].items()]" | sha256sum -c
   Rhaid i bob llinell ddweud OK, a rhaid i ddim ffeil fod yno nad yw'r manifest yn ei rhestru.

2. Mae fersiwn o gofnod yn cyfateb i'w dderbynneb. Ar gyfer cofnod <id>, fersiwn <n>:
     entries/<id>/v<n>.json   y cofnod yn union fel y cafodd yr ôl bys ei wneud (JSON canonaidd RFC 8785, UTF-8)
     entries/<id>/v<n>.salt   y 32 beit ar hap (yr halen) sy'n golygu nad yw'r ôl bys yn datgelu dim
     receipts/<id>/v<n>.json  derbynneb lofnodedig Casebook
   commitment = SHA-256(salt || entry bytes)          cat v<n>.salt v<n>.json | sha256sum
   leaf hash  = SHA-256(0x00 || commitment)           (deilen RFC 6962)
   Rhaid i "leafHash" y dderbynneb (base64url) fod yr un fath â'r leaf hash.

3. Casebook a lofnododd y dderbynneb. Mae'r dderbynneb yn llofnodi'r beitiau hyn ag Ed25519:
     "casebook-receipt-v1\\n" || logId (32 beit) || leafIndex (8 beit, big-endian)
       || leafHash (32) || timestamp (8 beit, big-endian, ms ers 1970 UTC)
   Mae log/public-key.json yn dal yr allwedd(ion) cyhoeddus; logId = SHA-256(allwedd gyhoeddus). Gwiriwch
   yr allwedd yn erbyn yr un y mae Casebook yn ei chyhoeddi yn /.well-known/casebook-log.json (neu un a
   gawsoch chi'n gynharach): nid yw allwedd o'r pecyn hwn yn unig ond yn profi bod y pecyn yn gyson ag ef ei hun.

4. Mae'r dderbynneb yn y log. Mae proofs/<id>/v<n>.json yn brawf cynnwys RFC 9162 o'r leaf hash i wreiddyn
   log/tree-head.json (pen coeden y log), y mae ei lofnod yn cynnwys
     "casebook-tree-head-v1\\n" || logId (32) || treeSize (8, big-endian) || rootHash (32)
       || timestamp (8, big-endian)
   Ni ddylai amser unrhyw dderbynneb fod ar ôl amser pen coeden y log.

Mae docs/evidence-pack.md yng nghod ffynhonnell Casebook yn rhoi sgript Python gyflawn ar gyfer camau 1 i 4.

Y PECYN HWN
Dynodydd allwedd y log (logId): ${logKeys.logId}
Allwedd gyhoeddus y log:        ${logKeys.publicKey}
Pen coeden y log:               maint ${n(treeHead.treeSize)}, wedi'i lofnodi ${ukTime(treeHead.timestamp, 'cy')}
Hash y gwreiddyn (rootHash):    ${treeHead.rootHash}
`;
}
