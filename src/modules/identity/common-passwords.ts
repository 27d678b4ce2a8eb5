/**
 * Passwords everyone tries first 常见弱密码, refused when an account's password is set or changed.
 * Drawn from the public leak frequency lists (SecLists: Chinese top 10,000 and the NCSC 100k list),
 * keeping the ones of 10 characters or more: shorter ones are refused by length already. Compared
 * after NFKC and lower case, so Password123 and ｐａｓｓｗｏｒｄ１２３ are the same entry.
 */
const LIST = `
1234567890 0123456789 0987654321 9876543210 1111111111 0000000000 qwertyuiop asdfghjkl; 1q2w3e4r5t
1q2w3e4r5t6y q1w2e3r4t5 q1w2e3r4t5y6 1qaz2wsx3edc 1qaz2wsx3edc4rfv qazwsxedcrfv qazwsx123456 qwertyuiop123
qwerty123456 qwerty12345 qwert12345 12345qwert 12345qwerty 123456qwerty qwer123456 123456qwer 1234qwerasdf
qwerasdfzxcv asdfghjkl123 asdfghjkl1 zxcvbnm123 zxcvbnm,./ poiuytrewq azertyuiop qweasdzxc123 123qweasdzxc
qwe123456789 123456789qwe password123 password1234 password12 password11 password01 passw0rd123 p@ssw0rd123
p@ssword123 iloveyou123 iloveyou12 iloveyou1314 iloveu1314 1314woaini woaini1314 woaini5201314 woaini1314520
woaini123456 woaini520520 woainilaopo woainimama woaiwolaopo woaiwojia123 laopowoaini wodemima123 meiyoumima
bugaosuni123 buzhidao123 zhimakaimen woshitiancai woshishui123 5201314520 5201314123 52013145201314
1314520520 1314521521 5841314520 5841314521 5845201314 5845211314 5211314521 5205201314 2008520085 7758521521
7758521123 77585211314 52013141314 13145201314 qq123456789 qq12345678 123456789qq a123456789 a1234567890
123456789a 1234567890a aa123456789 123456789aa abc123456789 123456789abc abcd123456 123456abcd abcde12345
12345abcde abc1234567 1234567abc abcdefghij abcdefg123 q123456789 123456789q z123456789 123456789z w123456789
123456789w 123456789. 123456789.. 123456789* asd123456789 123456789asd zxc123456789 123456789zxc a5201314520
qazwsxedc123 zaq12wsx3edc 1qazxsw23edc 1qaz@wsx3edc 1q2w3e4r5t6y7u 1234567890-= 1234567891 12345678910
12345678900 1234567899 123456789123 123456789000 1234512345 1234554321 1122334455 112233445566 1234123412
123123123123 1231231231 123321123321 123456654321 123456123456 1234567890123 12345678901 13579246810
1357924680 1357913579 2468013579 1029384756 1472583690 7418529630 7894561230 9638527410 3692581470 1478523690
1597534682 147258369a 741852963a 135792468a 3141592653 31415926535 3.141592653 8008208820 13800138000
beijing2008 beijing2008! shanghai123 zhongguo123 chinese123 china12345 zhangwei123 wangwei123 liwei123456
zhang123456 wang123456 li123456789 liu123456789 chen123456 yang123456 huang123456 zhao123456 wu123456789
zhou123456 xu12345678 sun123456789 ma123456789 zhu123456789 hu123456789 lin123456789 wangyang123 wangjing123
zhangyan123 xiaoming123 xiaoxiao123 tiantian123 yangyang123 jingjing123 baobei1314 baobei5201314 nihao123456
hao123456789 caonima123 asdasdasd123 qweqweqwe123 zxczxczxc123 aaaaaa123456 qq1234567890 admin12345
admin123456 admin888888 administrator root123456 test123456 guest12345 welcome123 welcome1234 letmein123
changeme123 trustno1trustno1 sunshine123 princess123 football123 baseball123 basketball basketball1
superman123 batman12345 michael123 jordan2323 monkey12345 dragon12345 master12345 shadow12345 iloveyou!!
loveyou1314 loveme1234 love123456 lovelove123 fuckyou123 starwars123 pokemon123 naruto12345 spiderman1
harrypotter minecraft1 chocolate1 butterfly1 strawberry sweetheart motdepasse passwort123 hellokitty
hellokitty1 helloworld helloworld1 hello12345 hello123456 987654321a a987654321 0987654321a qwerty1234
1234qwer1234 qwerqwerqwer asdfasdfasdf asdfasdf123 zxcvzxcvzxcv 1qaz1qaz1qaz 1q1q1q1q1q q1q1q1q1q1 a1a1a1a1a1
a1b2c3d4e5 a1s2d3f4g5 1a2b3c4d5e abc123abc123 abcabcabcabc myspace123 computer123 internet123 samsung123
google1234 facebook123 wechat123456 weixin123456 alipay123456 taobao123456 baidu123456 tencent123 qazwsx1234
zaq1zaq1zaq1 !@#$%^&*() 1qaz2wsx!@
`;
const COMMON = new Set(LIST.split(/\s+/).filter(Boolean));

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** aaaaaaaaaa, 1212121212, abcabcabca: one to four characters over and over. */
function repeatsShortUnit(p: string[]): boolean {
  for (let k = 1; k <= 4 && k < p.length; k++) if (p.every((c, i) => c === p[i % k])) return true;
  return false;
}

/** 1234567890, 0987654321, abcdefghij: each character the next (or previous) one; digits wrap 9 ⇄ 0. */
function isRun(p: string[]): boolean {
  const step = (a: string, b: string) => {
    if (/\d/.test(a) && /\d/.test(b)) return (Number(b) - Number(a) + 10) % 10;
    return b.codePointAt(0)! - a.codePointAt(0)!;
  };
  const first = step(p[0], p[1]);
  const up = first === 1;
  const down = first === -1 || first === 9;
  if (!up && !down) return false;
  return p.slice(1).every((c, i) => {
    const s = step(p[i], c);
    return up ? s === 1 : s === -1 || s === 9;
  });
}

/** Why a password is too easy to guess, or null when it is not one of the obvious ones. */
export function commonPasswordReason(password: string): string | null {
  const p = [...fold(password)];
  if (COMMON.has(p.join(''))) return 'is one of the most common passwords; choose one that is not';
  if (p.length > 1 && (repeatsShortUnit(p) || isRun(p))) return 'is a simple pattern (a repeated or consecutive run of characters); choose one that is not';
  return null;
}
