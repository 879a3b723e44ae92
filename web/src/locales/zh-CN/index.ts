import { common } from './common';
import { attachments } from './attachments';
import { letters, letterTemplates } from './letters';
import { unit } from './unit';
import { unitScorecard } from './unitScorecard';
import { reports } from './reports';
import { login } from './login';
import { ledger } from './ledger';
import { intake } from './intake';
import { caseMessages } from './case';
import { planning } from './planning';
import { leader } from './leader';
import { rules } from './rules';
import { directory } from './directory';
import { audit } from './audit';
import { settings } from './settings';
import { meetings } from './meetings';

export const zhCN = { common, reports, login, ledger, intake, case: caseMessages, planning, leader, rules, directory, audit, settings, meetings, unitScorecard, unit, attachments, letters, letterTemplates };
