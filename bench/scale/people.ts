import { residentIdCheckChar } from '../../src/shared/idNumber';
import { hash01 } from '../../src/main/testing/prng';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯健俊帆帅旭宁龙林欣怡晨雨佳琪梓涵子轩浩然一诺紫萱思远博文雅婷';

export interface ScalePerson {
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string;
  documentNumber: string;
}

const BIRTH_DAYS = 25_000;
const BIRTH_BASE = Date.UTC(1940, 0, 1);

/**
 * Person i of the district: a valid resident ID (region 320602, the birth date, a sequence whose
 * parity is the gender, the check character) unique by construction: i fixes the birth day
 * (i mod 25,000) and a sequence block (i div 25,000) that no other i of that day shares.
 */
export function scalePerson(i: number): ScalePerson {
  const birth = new Date(BIRTH_BASE + (i % BIRTH_DAYS) * 86_400_000).toISOString().slice(0, 10);
  const male = hash01(i, 7) < 0.5;
  const block = Math.floor(i / BIRTH_DAYS);
  const seq = block * 100 + Math.floor(hash01(i, 11) * 49) * 2 + (male ? 1 : 0);
  const first17 = `320602${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const surname = SURNAMES[Math.floor(hash01(i, 1) * SURNAMES.length)]!;
  const given = [...GIVEN];
  const g1 = given[Math.floor(hash01(i, 2) * given.length)]!;
  const g2 = hash01(i, 3) < 0.6 ? given[Math.floor(hash01(i, 4) * given.length)]! : '';
  return {
    fullName: surname + g1 + g2,
    gender: male ? 'male' : 'female',
    birthDate: birth,
    documentNumber: first17 + residentIdCheckChar(first17),
  };
}
