#!/usr/bin/env python3
"""Independent reference for ml-salary's take-home figures (issue 22).

Usage: python3 scripts/tax-reference.py PE_PARAMETERS_DIR > tests/fixtures/take-home-expected.json

PE_PARAMETERS_DIR is the `policyengine_us/parameters` folder of a PolicyEngine-US snapshot (read
only, never copied). Every figure comes from PolicyEngine-US's dated parameter YAML, taken as in
force on 1 January 2026 with no uprating (a figure PolicyEngine has only for an earlier year is
used as is, as ml-salary does); the formulas are written here from the states' rules (as
PolicyEngine's variables express them), not from ml-salary's code or data. A few figures
PolicyEngine does not carry (local wage taxes of Pittsburgh, Portland's Metro, Ohio and Michigan
cities; some payroll premiums) come from LOCAL_FIGURES below, each with its primary source.

The cases: a full-year resident with wage income only, no dependents, aged 40, who may defer into
a 401(k) and an HSA through payroll; single, or married filing jointly with one earner.
"""
import json
import math
import os
import re
import sys

import yaml

AT = '2026-01-01'
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
INF = float('inf')


class Loader(yaml.SafeLoader):
    pass


Loader.add_constructor('tag:yaml.org,2002:timestamp', lambda loader, node: loader.construct_scalar(node))


def dated(node):
    return isinstance(node, dict) and any(isinstance(k, str) and DATE.match(k) for k in node)


def at(node):
    """The value in force on AT of a {date: value} mapping (None if none yet)."""
    best = None
    for key, value in node.items():
        if isinstance(key, str) and DATE.match(key) and key <= AT and (best is None or key > best[0]):
            best = (key, value)
    if best is None:
        return None
    value = best[1]
    if isinstance(value, dict) and 'value' in value:
        value = value['value']
    if value == '.inf' or value == float('inf'):
        return INF
    return value


def resolve(node):
    if dated(node):
        return at(node)
    if isinstance(node, dict):
        if 'values' in node:
            return at(node['values'])
        if 'brackets' in node:
            out = []
            for b in node['brackets']:
                t = resolve(b['threshold']) if 'threshold' in b else None
                key = 'rate' if 'rate' in b else 'amount'
                v = resolve(b[key]) if key in b else None
                if t is None:
                    continue
                out.append((float(t), v if v is not None else 0))
            return out
        return {k: resolve(v) for k, v in node.items() if k not in ('metadata', 'description', 'reference')}
    return node


class Params:
    def __init__(self, root):
        self.root = root
        self.cache = {}

    def __call__(self, path):
        if path not in self.cache:
            base = os.path.join(self.root, *path.split('.'))
            if os.path.isdir(base):  # a folder of parameters: a mapping of its entries
                names = sorted(n[:-5] if n.endswith('.yaml') else n for n in os.listdir(base)
                               if n.endswith('.yaml') or os.path.isdir(os.path.join(base, n)))
                self.cache[path] = {n: self(path + '.' + n) for n in names if n != 'index'}
            else:
                with open(base + '.yaml') as fh:
                    self.cache[path] = resolve(yaml.load(fh, Loader=Loader))
        return self.cache[path]

    def f(self, path, filing):
        return self(path)['JOINT' if filing == 'married' else 'SINGLE']


def marginal(scale, x):
    """Tax on x by a marginal-rate scale [(threshold, rate), ...]."""
    tax = 0.0
    for i, (t, r) in enumerate(scale):
        if x <= t:
            break
        upper = scale[i + 1][0] if i + 1 < len(scale) else INF
        tax += (min(x, upper) - t) * (r or 0)
    return tax


def amount(scale, x, right=False):
    """A single-amount scale (OpenFisca semantics): the amount of the last threshold below x
    (at or below x unless right); 0 below the first threshold."""
    value = 0
    for t, a in scale:
        if (x > t) if right else (x >= t):
            value = a
    return value


def top_rate(scale):
    rates = [r for t, r in scale if t != INF]
    return rates[-1]


# ---------------------------------------------------------------- figures PolicyEngine lacks
# Each with its primary source; the same figures ml-salary's data names.
LOCAL_FIGURES = {
    # Pittsburgh: earned income tax of residents, 1% city + 2% Pittsburgh Public Schools, on
    # earned income (401(k) deferrals included); Local Services Tax $52 a year for work in the
    # city (City of Pittsburgh Department of Finance, Earned Income Tax and LST pages).
    'pittsburgh': {'rate': 0.03, 'fixed': 52},
    # Metro Supportive Housing Services tax (Metro Code 7.05; Measure 26-210): 1% of taxable
    # income over $125,000 / $200,000 (joint).
    'shs': {'single': [(0, 0), (125000, 0.01)], 'married': [(0, 0), (200000, 0.01)]},
    # City of Portland Arts Education and Access Income Tax: $35 per resident aged 18+ with
    # income of $1,000 or more, above the poverty line (Portland City Code 5.73).
    'portland-arts': 35,
    # Ohio municipal income taxes on residents' wages (Medicare wages), by city ordinance.
    'columbus': 0.025, 'cleveland': 0.025, 'cincinnati': 0.018, 'toledo': 0.025,
    'akron': 0.025, 'dayton': 0.025,
    # Michigan city income taxes on residents (City Income Tax Act, MCL 141.601 ff.):
    # rate and exemption per person.
    'detroit': (0.024, 600), 'grand-rapids': (0.015, 600),
}

MD_COUNTIES = {
    'allegany': 'ALLEGANY_COUNTY_MD', 'anne-arundel': 'ANNE_ARUNDEL_COUNTY_MD',
    'baltimore-city': 'BALTIMORE_CITY_MD', 'baltimore-county': 'BALTIMORE_COUNTY_MD',
    'calvert': 'CALVERT_COUNTY_MD', 'caroline': 'CAROLINE_COUNTY_MD', 'carroll': 'CARROLL_COUNTY_MD',
    'cecil': 'CECIL_COUNTY_MD', 'charles': 'CHARLES_COUNTY_MD', 'dorchester': 'DORCHESTER_COUNTY_MD',
    'frederick': 'FREDERICK_COUNTY_MD', 'garrett': 'GARRETT_COUNTY_MD', 'harford': 'HARFORD_COUNTY_MD',
    'howard': 'HOWARD_COUNTY_MD', 'kent': 'KENT_COUNTY_MD', 'montgomery': 'MONTGOMERY_COUNTY_MD',
    'prince-georges': 'PRINCE_GEORGE_S_COUNTY_MD', 'queen-annes': 'QUEEN_ANNE_S_COUNTY_MD',
    'st-marys': 'ST_MARY_S_COUNTY_MD', 'somerset': 'SOMERSET_COUNTY_MD', 'talbot': 'TALBOT_COUNTY_MD',
    'washington': 'WASHINGTON_COUNTY_MD', 'wicomico': 'WICOMICO_COUNTY_MD', 'worcester': 'WORCESTER_COUNTY_MD',
}


def in_county_key(locality):
    return locality.upper().replace('-', '_') + '_COUNTY_IN'


# ---------------------------------------------------------------- federal
def federal_brackets(P, filing):
    b = P('gov.irs.income.bracket')
    key = 'JOINT' if filing == 'married' else 'SINGLE'
    thresholds = [0.0] + [float(b['thresholds'][i][key]) for i in range(1, 7)]
    rates = [b['rates'][i] for i in range(1, 8)]
    return list(zip(thresholds, rates))


def payroll(P, c):
    fica_wages = c['gross'] - c['hsa']
    cap = P('gov.irs.payroll.social_security.cap')
    ss = P('gov.irs.payroll.social_security.rate.employee') * min(fica_wages, cap)
    medicare = P('gov.irs.payroll.medicare.rate.employee') * fica_wages
    excl = P.f('gov.irs.payroll.medicare.additional.exclusion', c['filing'])
    additional = P('gov.irs.payroll.medicare.additional.rate') * max(0, fica_wages - excl)
    return {'social-security': ss, 'medicare': medicare, 'additional-medicare': additional}


def eitc(P, c, agi):
    """Federal EITC, no qualifying children (age 25-64)."""
    if not (25 <= c['age'] <= 64):
        return 0.0
    e = 'gov.irs.credits.eitc.'
    earned = c['gross'] - c['k401'] - c['hsa']
    maximum = amount(P(e + 'max'), 0)
    phase_in = amount(P(e + 'phase_in_rate'), 0)
    start = amount(P(e + 'phase_out.start'), 0)
    if c['filing'] == 'married':
        start += amount(P(e + 'phase_out.joint_bonus'), 0)
    rate = amount(P(e + 'phase_out.rate'), 0)
    credit = min(maximum, phase_in * earned) - rate * max(0, max(agi, earned) - start)
    return max(0.0, credit)


def federal(P, c, itemize, salt_taxes):
    """Federal income tax for the case; `salt_taxes` are the state and local income taxes (and
    deductible state premiums) the itemised deduction would take."""
    filing = c['filing']
    agi = c['gross'] - c['k401'] - c['hsa']
    std = P.f('gov.irs.deductions.standard.amount', filing)
    s = 'gov.irs.deductions.itemized.salt_and_real_estate.'
    cap = P.f(s + 'cap', filing)
    if P(s + 'phase_out.in_effect'):
        cap = max(cap - P(s + 'phase_out.rate') * max(0, agi - P.f(s + 'phase_out.threshold', filing)),
                  P.f(s + 'phase_out.floor.amount', filing))
    salt = min(cap, salt_taxes)
    itemized = salt + c['other']
    lim = 'gov.irs.deductions.itemized.limitation.'
    top = federal_brackets(P, filing)[-1][0]
    reduction = P(lim + 'obbb.rate') * min(itemized, max(0, agi - top)) if P(lim + 'obbb.applies') else 0
    itemized_net = itemized - reduction
    deduction = itemized_net if itemize else std
    taxable = max(0, agi - deduction)
    before = marginal(federal_brackets(P, filing), taxable)
    r = 'gov.irs.credits.retirement_saving.'
    adj = P.f(r + 'rate.threshold_adjustment', filing)
    savers = amount(P(r + 'rate.joint'), agi / adj) * min(c['k401'], P(r + 'contributions_cap'))
    savers = min(savers, before)
    after = before - savers
    credit = eitc(P, c, agi)
    return {
        'agi': agi, 'std': std, 'itemize': itemize, 'salt': salt, 'itemized': itemized_net,
        'itemizedBefore': itemized, 'deduction': deduction, 'taxable': taxable, 'before': before,
        'savers': savers, 'afterNonrefundable': after, 'eitc': credit, 'tax': after - credit,
    }


# ---------------------------------------------------------------- states
# Each returns {'state': tax after credits, 'locals': {id: tax}, 'taxable': state taxable income}.
# c: the case; fed: the federal result (itemising or not); P: the parameters.

def key(c):
    return 'JOINT' if c['filing'] == 'married' else 'SINGLE'


def persons(c):
    return 2 if c['filing'] == 'married' else 1


def fs_scale(P, base, c):
    return P(base + ('.joint' if c['filing'] == 'married' else '.single'))


def state_itemized(c, fed, rule):
    """A state's deduction when it follows the federal choice: the user's other itemised
    deductions (state and local taxes are not deductible on state returns)."""
    return c['other']


def st_AL(P, c, fed):
    s = 'gov.states.al.tax.income.'
    agi = fed['agi']
    k = key(c)
    std_max = P(s + 'deductions.standard.amount.max')[k]
    std_min = P(s + 'deductions.standard.amount.min')[k]
    inc = P(s + 'deductions.standard.phase_out.increment')[k]
    rate = P(s + 'deductions.standard.phase_out.rate')[k]
    thr = P(s + 'deductions.standard.phase_out.threshold')[k]
    std = max(std_max - (max(0, agi - thr) // inc) * rate, std_min)
    ded = max(std, c['other'])
    fed_tax = max(0, fed['afterNonrefundable'] - fed['eitc'])
    exemption = P(s + 'exemptions.personal')[k]
    taxable = max(0, agi - ded - fed_tax - exemption)
    return {'state': marginal(fs_scale(P, s + 'rates', c), taxable), 'taxable': taxable}


def st_AR(P, c, fed):
    s = 'gov.states.ar.tax.income.'
    agi = fed['agi']
    std = P(s + 'deductions.standard')[key(c)]
    taxable = max(0, agi - max(std, c['other']))
    rate = amount(P(s + 'rates.main.rate'), taxable)
    tax = max(0, rate * taxable - amount(P(s + 'rates.main.reduction'), taxable))
    credit = P(s + 'credits.personal.amount.base') * persons(c)
    return {'state': max(0, tax - credit), 'taxable': taxable}


def st_AZ(P, c, fed):
    s = 'gov.states.az.tax.income.'
    std = P(s + 'deductions.standard.amount')[key(c)]
    taxable = max(0, fed['agi'] - max(std, c['other']))
    return {'state': taxable * amount(P(s + 'main.single'), 0), 'taxable': taxable}


def st_CA(P, c, fed):
    s = 'gov.states.ca.tax.income.'
    agi = fed['agi'] + c['hsa']  # California does not exclude HSA contributions
    std = P(s + 'deductions.standard.amount')[key(c)]
    taxable = max(0, agi - max(std, c['other']))
    tax = marginal(fs_scale(P, s + 'rates', c), taxable)
    e = s + 'exemptions.'
    steps = math.ceil(max(0, fed['agi'] - P(e + 'phase_out.start')[key(c)]) / P(e + 'phase_out.increment')[key(c)])
    per = max(0, P(e + 'amount') - steps * P(e + 'phase_out.amount'))
    credit = P(e + 'personal_scale')[key(c)] * per
    tax = max(0, tax - credit)
    tax += marginal(P(s + 'mental_health_services'), taxable)
    return {'state': tax, 'taxable': taxable}


def st_CO(P, c, fed):
    s = 'gov.states.co.tax.income.'
    add = 0.0
    a = s + 'additions.federal_deductions.'
    if fed['agi'] >= P(a + 'agi_threshold'):
        add += max(0, fed['deduction'] - P(a + 'exemption')[key(c)])
    if fed['itemize']:  # the state income tax deducted federally is added back
        add += min(min(c['stateTaxForSalt'], fed['salt']), max(0, fed['itemizedBefore'] - fed['std']))
    taxable = max(0, fed['taxable'] + add)
    return {'state': taxable * P(s + 'rate'), 'taxable': taxable}


def stepped(p, k, income):
    """CT's phase-outs: amount per started increment over the start, at most max_amount."""
    steps = math.ceil(max(0, income - p['start'][k]) / p['increment'][k])
    return min(p['max_amount'][k], steps * p['amount'][k])


def st_CT(P, c, fed):
    s = 'gov.states.ct.tax.income.'
    k = key(c)
    agi = fed['agi']
    e = P(s + 'exemptions.personal')
    exemption = max(0, e['max_amount'][k] - math.ceil(max(0, agi - e['reduction']['start'][k]) / e['reduction']['increment']) * e['reduction']['amount'])
    taxable = max(0, agi - exemption)
    tax = marginal(fs_scale(P, s + 'rates', c), taxable)
    tax += stepped(P(s + 'add_back'), k, agi)
    rec = P(s + 'recapture')
    for part in ('low', 'middle', 'high'):
        if part != 'low' or rec['low']['in_effect']:
            tax += stepped(rec[part], k, agi)
    rate = amount(fs_scale(P, s + 'agi', c), agi, right=True)
    return {'state': max(0, tax - rate * tax), 'taxable': taxable}


def st_DC(P, c, fed):
    s = 'gov.states.dc.tax.income.'
    std = P(s + 'deductions.standard.amount')[key(c)]
    ded = c['other'] if fed['itemize'] else std
    taxable = max(0, fed['agi'] - ded)
    return {'state': marginal(P(s + 'rates'), taxable), 'taxable': taxable}


def st_DE(P, c, fed):
    s = 'gov.states.de.tax.income.'
    std = P(s + 'deductions.standard.amount')[key(c)]
    taxable = max(0, fed['agi'] - max(std, c['other']))
    tax = marginal(P(s + 'rate'), taxable)
    credit = P(s + 'credits.personal_credits.personal') * persons(c)
    return {'state': max(0, tax - credit), 'taxable': taxable}


def st_GA(P, c, fed):
    s = 'gov.states.ga.tax.income.'
    std = P(s + 'deductions.standard.amount')[key(c)]
    ded = c['other'] if fed['itemize'] else std
    taxable = max(0, fed['agi'] - ded)
    return {'state': taxable * P(s + 'main.flat_rate'), 'taxable': taxable}


def st_HI(P, c, fed):
    s = 'gov.states.hi.tax.income.'
    std = P(s + 'deductions.standard.amount')[key(c)]
    taxable = max(0, fed['agi'] - max(std, c['other']) - P(s + 'exemptions.base') * persons(c))
    tax = marginal(fs_scale(P, s + 'rates', c), taxable)
    food = amount(fs_scale(P, s + 'credits.food_excise_tax.amount', c), fed['agi']) * persons(c)
    return {'state': tax - food, 'taxable': taxable}


def st_IA(P, c, fed):
    s = 'gov.states.ia.tax.income.'
    taxable = max(0, fed['taxable'])
    rate = P(s + 'rates.by_filing_status.' + ('joint' if c['filing'] == 'married' else 'other'))[0][1]
    tax = taxable * rate
    credit = P(s + 'credits.exemption.personal') * persons(c)
    return {'state': max(0, tax - credit), 'taxable': taxable}


def st_ID(P, c, fed):
    s = 'gov.states.id.tax.income.'
    taxable = max(0, fed['agi'] - max(fed['std'], c['other']))
    tax = marginal(fs_scale(P, s + 'main', c), taxable)
    tax += P(s + 'other_taxes.pbf.amount') if tax > 0 else 0  # permanent building fund tax
    grocery = P(s + 'credits.grocery.base.amount') * persons(c)
    return {'state': tax - grocery, 'taxable': taxable}


def st_IL(P, c, fed):
    s = 'gov.states.il.tax.income.'
    exempt = P(s + 'exemption.personal') * persons(c) if fed['agi'] <= P(s + 'exemption.income_limit')[key(c)] else 0
    taxable = max(0, fed['agi'] - exempt)
    return {'state': taxable * P(s + 'rate'), 'taxable': taxable}


def st_IN(P, c, fed):
    s = 'gov.states.in.tax.income.'
    taxable = max(0, fed['agi'] - P(s + 'exemptions.base.amount') * persons(c))
    county = c['locality'] or 'marion'
    rate = P(s + 'county_rates')[in_county_key(county)]
    return {'state': taxable * P(s + 'agi_rate'), 'taxable': taxable, 'locals': {county: taxable * rate}}


def st_KS(P, c, fed):
    s = 'gov.states.ks.tax.income.'
    k = key(c)
    std = P(s + 'deductions.standard.base_amount')[k]
    taxable = max(0, fed['agi'] - max(std, c['other']) - P(s + 'exemptions.by_filing_status.amount')[k])
    scale = P(s + ('rates.joint' if c['filing'] == 'married' else 'rates.other'))
    tax = marginal(scale, taxable)
    if fed['agi'] <= P(s + 'rates.agi_zero_tax_threshold')[k]:
        tax = 0
    return {'state': tax, 'taxable': taxable}


def st_KY(P, c, fed):
    s = 'gov.states.ky.tax.income.'
    taxable = max(0, fed['agi'] - max(P(s + 'deductions.standard'), c['other']))
    out = {'state': taxable * P(s + 'rate'), 'taxable': taxable}
    if c['locality'] in ('louisville', 'lexington'):
        county = 'jefferson' if c['locality'] == 'louisville' else 'fayette'
        out['locals'] = {c['locality']: (c['gross'] - c['hsa']) * P('gov.local.ky.' + county + '.tax.income.occupational.rate')}
    return out


def st_LA(P, c, fed):
    s = 'gov.states.la.tax.income.'
    std = P(s + 'deductions.standard.amount')[key(c)]
    taxable = max(0, fed['agi'] - std)
    return {'state': taxable * P(s + 'main.flat.rate'), 'taxable': taxable}


def st_MA(P, c, fed):
    s = 'gov.states.ma.tax.income.'
    pay = payroll(P, c)
    fica = min(P(s + 'deductions.public_retirement_contributions'), pay['social-security'] + pay['medicare'])
    taxable = max(0, fed['agi'] - fica - P(s + 'exemptions.personal')[key(c)])
    tax = taxable * P(s + 'rates.part_b') + marginal(P(s + 'rates.additional'), taxable)
    return {'state': tax, 'taxable': taxable}


def st_MD(P, c, fed):
    s = 'gov.states.md.tax.income.'
    k = key(c)
    std = P(s + 'deductions.standard.flat_deduction.amount')[k]
    ded = max(std, c['other']) if fed['itemize'] else std
    per = amount(fs_scale(P, s + 'exemptions.personal', c), fed['agi'], right=True)
    taxable = max(0, fed['agi'] - ded - per * persons(c))
    tax = marginal(fs_scale(P, s + 'rates', c), taxable)
    county = c['locality'] or 'montgomery'
    if county == 'anne-arundel':
        local = marginal(fs_scale(P, 'gov.local.md.anne_arundel_county.tax.income', c), taxable)
    elif county == 'frederick':
        local = taxable * amount(fs_scale(P, 'gov.local.md.frederick_county.tax.income', c), taxable, right=True)
    else:
        local = taxable * P('gov.local.md.flat_rate')[MD_COUNTIES[county]]
    return {'state': tax, 'taxable': taxable, 'locals': {county: local}}


def st_ME(P, c, fed):
    s = 'gov.states.me.tax.income.'
    k = key(c)
    agi = fed['agi']
    d = s + 'deductions.'
    pct = min(1, max(0, agi - P(d + 'phase_out.start')[k]) / P(d + 'phase_out.width')[k])
    std = P(d + 'standard.amount')[k]
    ded = max(std, c['other']) if fed['itemize'] else std
    ded = ded - ded * pct
    e = d + 'personal_exemption.'
    epct = min(1, max(0, agi - P(e + 'phaseout.start')[k]) / P(e + 'phaseout.width')[k])
    exemption = P(e + 'amount') * persons(c) * (1 - epct)
    taxable = max(0, agi - ded - exemption)
    tax = marginal(fs_scale(P, s + 'main', c), taxable)
    tax += max(0, taxable - P(s + 'surcharge.threshold')[k]) * P(s + 'surcharge.rate')
    return {'state': tax, 'taxable': taxable}


def st_MI(P, c, fed):
    s = 'gov.states.mi.tax.income.'
    taxable = max(0, fed['agi'] - P(s + 'exemptions.personal') * persons(c))
    out = {'state': taxable * P(s + 'rate'), 'taxable': taxable}
    if c['locality'] in ('detroit', 'grand-rapids'):
        rate, per = LOCAL_FIGURES[c['locality']]
        out['locals'] = {c['locality']: rate * max(0, c['gross'] - c['hsa'] - per * persons(c))}
    return out


def st_MN(P, c, fed):
    s = 'gov.states.mn.tax.income.'
    k = key(c)
    agi = fed['agi']
    d = P(s + 'deductions.standard')
    std = d['base'][k]
    r = d['reduction']
    low, high = r['agi_threshold']['low'][k], r['agi_threshold']['high'][k]
    main = r['excess_agi_fraction']['low'] * min(max(0, agi - low), high - low) + r['excess_agi_fraction']['high'] * max(0, agi - high)
    alternate = r['alternate']['rate'] * std
    reduction = alternate if agi > r['alternate']['income_threshold'] else min(alternate, main)
    ded = max(max(0, std - reduction), c['other'])
    taxable = max(0, agi - ded)
    return {'state': marginal(fs_scale(P, s + 'rates', c), taxable), 'taxable': taxable}


def st_MO(P, c, fed):
    s = 'gov.states.mo.tax.income.'
    agi = fed['agi']
    ded = max(fed['std'], c['other']) if fed['itemize'] else fed['std']
    f = s + 'deductions.federal_income_tax.'
    fed_tax = max(0, fed['afterNonrefundable'])
    fed_ded = min(fed_tax * amount(P(f + 'rate'), agi), P(f + 'cap')[key(c)])
    taxable = max(0, agi - ded - fed_ded)
    return {'state': marginal(P(s + 'rates'), taxable), 'taxable': taxable,
            'locals': mo_locals(P, c)}


def mo_locals(P, c):
    if c['locality'] in ('kansas-city', 'st-louis'):
        rate = P('gov.local.mo.' + c['locality'].replace('-', '_') + '.tax.income.rate')
        return {c['locality']: rate * (c['gross'] - c['hsa'])}
    return {}


def st_MS(P, c, fed):
    s = 'gov.states.ms.tax.income.'
    k = key(c)
    taxable = max(0, fed['agi'] - max(P(s + 'deductions.standard.amount')[k], c['other']) - P(s + 'exemptions.regular.amount')[k])
    return {'state': marginal(P(s + 'rate'), taxable), 'taxable': taxable}


def st_MT(P, c, fed):
    s = 'gov.states.mt.tax.income.'
    taxable = max(0, fed['agi'] - max(fed['std'], c['other']))
    return {'state': marginal(fs_scale(P, s + 'main', c), taxable), 'taxable': taxable}


def st_NC(P, c, fed):
    s = 'gov.states.nc.tax.income.'
    taxable = max(0, fed['agi'] - max(P(s + 'deductions.standard.amount')[key(c)], c['other']))
    return {'state': taxable * P(s + 'rate'), 'taxable': taxable}


def st_ND(P, c, fed):
    s = 'gov.states.nd.tax.income.'
    taxable = max(0, fed['taxable'])
    return {'state': marginal(fs_scale(P, s + 'rates', c), taxable), 'taxable': taxable}


def st_NE(P, c, fed):
    s = 'gov.states.ne.tax.income.'
    std = P(s + 'deductions.standard.base_amount')[key(c)]
    ded = max(std, c['other']) if fed['itemize'] else std
    taxable = max(0, fed['agi'] - ded)
    tax = marginal(fs_scale(P, s + 'rates', c), taxable)
    return {'state': max(0, tax - P(s + 'exemptions.amount') * persons(c)), 'taxable': taxable}


def st_NJ(P, c, fed):
    s = 'gov.states.nj.tax.income.'
    k = key(c)
    agi = fed['agi'] + c['hsa']  # New Jersey does not exclude HSA contributions
    taxable = max(0, agi - P(s + 'exemptions.regular.amount')[k])
    tax = marginal(fs_scale(P, s + 'main', c), taxable)
    if agi <= P(s + 'filing_threshold')[k]:
        tax = 0
    return {'state': tax, 'taxable': taxable}


def st_NM(P, c, fed):
    s = 'gov.states.nm.tax.income.'
    k = key(c)
    agi = fed['agi']
    if fed['itemize']:
        salt_back = min(min(c['stateTaxForSalt'], fed['salt']), max(0, fed['itemizedBefore'] - fed['std']))
        ded = fed['itemizedBefore'] - salt_back
    else:
        ded = fed['std']
    e = s + 'exemptions.low_and_middle_income.'
    exemption = 0
    if agi <= P(e + 'income_limit')[k]:
        exemption = (P(e + 'max_amount') - max(0, agi - P(e + 'reduction.income_threshold')[k]) * P(e + 'reduction.rate')[k]) * persons(c)
    taxable = max(0, agi - ded - exemption)
    return {'state': marginal(fs_scale(P, s + 'main', c), taxable), 'taxable': taxable}


def st_NY(P, c, fed):
    s = 'gov.states.ny.tax.income.'
    agi = fed['agi']
    std = P(s + 'deductions.standard.amount')[key(c)]
    taxable = max(0, agi - max(std, c['other']))
    scale = fs_scale(P, s + 'main', c)
    tax = marginal(scale, taxable)
    p = s + 'supplemental.'
    finite = [t for t, r in scale if t != INF]
    if agi > finite[-1]:
        tax += taxable * top_rate(scale) - marginal(scale, taxable)
    else:
        previous = max([t for t in finite if t <= taxable] or [0])
        fraction = min(1, max(0, agi - max(previous, P(p + 'min_agi'))) / P(p + 'phase_in_length'))
        tax += amount(fs_scale(P, p + 'recapture_base', c), taxable) + fraction * amount(fs_scale(P, p + 'incremental_benefit', c), taxable)
    h = s + 'credits.household_credit.'
    if c['filing'] == 'single':
        household = amount(P(h + 'single'), agi, right=True)
    else:
        household = amount(P(h + 'non_single.base'), agi, right=True) + amount(P(h + 'non_single.additional'), agi, right=True)
    ny = max(0, tax - household)
    out = {'state': ny, 'taxable': taxable, 'locals': {}}
    if c['locality'] == 'nyc':
        n = 'gov.local.ny.nyc.tax.income.'
        nyc = marginal(fs_scale(P, n + 'rates', c), taxable)
        if c['filing'] == 'single':
            hh = amount(P(n + 'credits.household.flat_amount'), fed['agi'], right=True)
        else:
            hh = amount(P(n + 'credits.household.other_per_dependent'), fed['agi'], right=True) * 2
        nyc = max(0, nyc - hh)
        school = 0
        if fed['agi'] <= P(n + 'credits.school.fixed.income_limit'):
            school += P(n + 'credits.school.fixed.amount')[key(c)]
        if taxable <= P(n + 'credits.school.rate_reduction.income_limit'):
            school += marginal(fs_scale(P, n + 'credits.school.rate_reduction.amount', c), taxable)
        out['locals']['nyc'] = nyc - school
    if c['locality'] == 'yonkers':
        out['locals']['yonkers'] = ny * P('gov.local.ny.yonkers.tax.income.resident_surcharge_rate')
    return out


def st_OH(P, c, fed):
    s = 'gov.states.oh.tax.income.'
    agi = fed['agi']
    exemption = amount(P(s + 'exemptions.personal.amount'), agi) * persons(c)
    taxable = max(0, agi - exemption)
    tax = 0 if taxable < P(s + 'agi_threshold') else marginal(P(s + 'rates'), taxable)
    credit = amount(P(s + 'credits.exemption.amount'), agi) * persons(c)
    out = {'state': max(0, tax - credit), 'taxable': taxable}
    if c['locality'] in ('columbus', 'cleveland', 'cincinnati', 'toledo', 'akron', 'dayton'):
        out['locals'] = {c['locality']: LOCAL_FIGURES[c['locality']] * (c['gross'] - c['hsa'])}
    return out


def st_OK(P, c, fed):
    s = 'gov.states.ok.tax.income.'
    std = P(s + 'deductions.standard.amount')[key(c)]
    ded = c['other'] if fed['itemize'] else std
    taxable = max(0, fed['agi'] - ded - P(s + 'exemptions.amount') * persons(c))
    return {'state': marginal(fs_scale(P, s + 'rates', c), taxable), 'taxable': taxable}


def st_OR(P, c, fed):
    s = 'gov.states.or.tax.income.'
    k = key(c)
    agi = fed['agi']
    cap = amount(fs_scale(P, s + 'subtractions.federal_tax_liability.cap', c), agi)
    subtraction = min(max(0, fed['afterNonrefundable']), cap)
    std = P(s + 'deductions.standard.amount')[k]
    taxable = max(0, agi - subtraction - max(std, c['other']))
    tax = marginal(fs_scale(P, s + 'rates', c), taxable)
    if agi <= P(s + 'credits.exemption.income_limit.regular')[k]:
        tax = max(0, tax - P(s + 'credits.exemption.amount') * persons(c))
    out = {'state': tax, 'taxable': taxable, 'locals': {}}
    loc = c['locality']
    if loc in ('portland', 'multnomah', 'portland-metro'):
        out['locals']['metro-shs'] = marginal(LOCAL_FIGURES['shs'][c['filing']], taxable)
    if loc in ('portland', 'multnomah'):
        out['locals']['multnomah-pfa'] = marginal(fs_scale(P, 'gov.local.or.multnomah_county.tax.income.pfa.rates', c), taxable)
    if loc == 'portland':
        out['locals']['portland-arts'] = LOCAL_FIGURES['portland-arts']
    return out


def st_PA(P, c, fed):
    s = 'gov.states.pa.tax.income.'
    compensation = c['gross'] - c['hsa']  # Pennsylvania taxes 401(k) deferrals
    out = {'state': compensation * P(s + 'rate'), 'taxable': compensation, 'locals': {}}
    if c['locality'] == 'philadelphia':
        out['locals']['philadelphia'] = compensation * P('gov.local.pa.philadelphia.tax.income.resident_rate')
    if c['locality'] == 'pittsburgh':
        f = LOCAL_FIGURES['pittsburgh']
        out['locals']['pittsburgh-eit'] = compensation * f['rate']
        out['locals']['pittsburgh-lst'] = f['fixed']
    return out


def st_RI(P, c, fed):
    s = 'gov.states.ri.tax.income.'
    agi = fed['agi']
    d = s + 'deductions.standard.'
    pct = max(0, 1 - P(d + 'phase_out.percentage') * math.ceil(max(0, agi - P(d + 'phase_out.start')) / P(d + 'phase_out.increment')))
    std = P(d + 'amount')[key(c)] * pct
    e = s + 'exemption.'
    epct = min(1, P(e + 'reduction.rate') * math.ceil(max(0, agi - P(e + 'reduction.start')) / P(e + 'reduction.increment')))
    exemption = P(e + 'amount') * persons(c) * (1 - epct)
    taxable = max(0, max(0, agi - std) - exemption)
    return {'state': marginal(P(s + 'rate'), taxable), 'taxable': taxable}


def st_SC(P, c, fed):
    s = 'gov.states.sc.tax.income.'
    k = key(c)
    d = s + 'deductions.sciad.'
    base = P(d + 'amount')[k]
    frac = min(1, max(0, fed['agi'] - P(d + 'phase_out.start')[k]) / P(d + 'phase_out.width')[k])
    sciad = max(0, base - math.floor(base * frac / 10) * 10)
    taxable = max(0, fed['agi'] - sciad)
    return {'state': marginal(P(s + 'rates'), taxable), 'taxable': taxable}


def st_UT(P, c, fed):
    s = 'gov.states.ut.tax.income.'
    k = key(c)
    agi = fed['agi']
    tax = agi * P(s + 'rate')
    t = s + 'credits.taxpayer.'
    base = c['other'] if fed['itemize'] else fed['std']
    credit = max(0, P(t + 'rate') * base - P(t + 'phase_out.rate') * max(0, agi - P(t + 'phase_out.threshold')[k]))
    if agi <= fed['std']:
        return {'state': 0, 'taxable': agi}
    return {'state': max(0, tax - credit), 'taxable': agi}


def st_VA(P, c, fed):
    s = 'gov.states.va.tax.income.'
    std = P(s + 'deductions.standard')[key(c)]
    ded = c['other'] if fed['itemize'] else std
    taxable = max(0, fed['agi'] - ded - P(s + 'exemptions.personal') * persons(c))
    return {'state': marginal(P(s + 'rates'), taxable), 'taxable': taxable}


def st_VT(P, c, fed):
    s = 'gov.states.vt.tax.income.'
    agi = fed['agi']
    taxable = max(0, agi - P(s + 'deductions.standard.base')[key(c)] - P(s + 'exemption.personal') * persons(c))
    normal = marginal(fs_scale(P, s + 'rates', c), taxable)
    minimum = amount(P(s + 'rates.amt'), agi) * agi
    return {'state': max(normal, minimum), 'taxable': taxable}


def st_WI(P, c, fed):
    s = 'gov.states.wi.tax.income.'
    agi = fed['agi']
    d = s + 'deductions.standard.'
    std = max(0, P(d + 'max')[key(c)] - marginal(fs_scale(P, d + 'phase_out', c), agi))
    taxable = max(0, agi - std - P(s + 'exemption.base') * persons(c))
    return {'state': marginal(fs_scale(P, s + 'rates', c), taxable), 'taxable': taxable}


def st_WV(P, c, fed):
    s = 'gov.states.wv.tax.income.'
    taxable = max(0, fed['agi'] - P(s + 'exemptions.personal') * persons(c))
    return {'state': marginal(fs_scale(P, s + 'rates', c), taxable), 'taxable': taxable}


def st_DEL_locals(P, c):
    if c['locality'] == 'wilmington':
        return {'wilmington': (c['gross'] - c['hsa']) * P('gov.local.de.wilmington.tax.income.rate')}
    return {}


def st_none(P, c, fed):
    return {'state': 0, 'taxable': 0}


# ---------------------------------------------------------------- payroll premiums
# Bases as PolicyEngine defines them: gross wages, FICA wages (less HSA) or taxable wages (less
# 401(k) and HSA). Figures PolicyEngine lacks are in OTHER_PREMIUMS with their sources.
OTHER_PREMIUMS = {
    # N.J.S.A. 43:21-7(d): workers pay 0.3825% UI + 0.0425% workforce funds on the first
    # $44,800 (NJDOL, 29 December 2025).
    'NJ': [('nj-ui', 0.00425, 44800, 'gross', True)],
    # Alaska DOLWD: employee UI 0.5% on the $51,700 wage base (2025; 2026 not read).
    'AK': [('ak-ui', 0.005, 51700, 'gross', True)],
    # Hawaii DLIR (notice of 10 December 2025): TDI employee share up to 0.5% of weekly wages,
    # at most $7.50 a week (weekly wage base $1,500.21).
    'HI': [('hi-tdi', 0.005, 1500.21 * 52, 'gross', False)],
}


def premiums(P, c):
    """[(id, amount, deductible as a state tax)] for the case's state."""
    gross, fica, box1 = c['gross'], c['gross'] - c['hsa'], c['gross'] - c['k401'] - c['hsa']
    ss_cap = P('gov.irs.payroll.social_security.cap')
    st = c['state']
    p = 'gov.states.' + st.lower() + '.tax.payroll.'
    out = []
    if st == 'CA':
        out.append(('ca-sdi', P(p + 'disability.employee_rate') * gross, True))
    if st == 'NJ':
        base = min(gross, P(p + 'temporary_disability_insurance.taxable_wage_base'))
        out.append(('nj-tdi', P(p + 'temporary_disability_insurance.employee_rate') * base, True))
        out.append(('nj-fli', P(p + 'family_leave_insurance.employee_rate') * base, True))
    if st == 'NY':
        out.append(('ny-pfl', min(P(p + 'paid_family_leave.employee_rate') * gross, P(p + 'paid_family_leave.annual_max_contribution')), True))
        out.append(('ny-dbl', min(P(p + 'disability_benefits.employee_rate') * gross, P(p + 'disability_benefits.annual_max_contribution')), True))
    if st == 'WA':
        out.append(('wa-cares', P(p + 'long_term_care.employee_rate') * gross, False))
        out.append(('wa-pfml', P(p + 'paid_leave.total_rate') * (1 - P(p + 'paid_leave.employer_share')) * min(gross, ss_cap), True))
    if st == 'MA':
        rate = P(p + 'paid_leave.family_rate') + P(p + 'paid_leave.medical_rate') * P(p + 'paid_leave.medical_employee_share')
        out.append(('ma-pfml', rate * min(gross, ss_cap), True))
    if st == 'CT':
        out.append(('ct-pfml', P(p + 'paid_leave.employee_rate') * min(fica, ss_cap), True))
    if st == 'OR':
        out.append(('or-paid-leave', P(p + 'paid_leave.employee_rate') * min(gross, ss_cap), True))
        out.append(('or-transit', P(p + 'statewide_transit.employee_rate') * box1, True))
    if st == 'CO':
        out.append(('co-famli', P(p + 'famli.employee_rate') * min(gross, ss_cap), True))
    if st == 'DE':
        d = p + 'paid_leave.'
        rate = P(d + 'family_caregiver_rate') + P(d + 'medical_rate') + P(d + 'parental_rate')
        out.append(('de-pfml', rate * P(d + 'employee_share') * min(fica, ss_cap), True))
    if st == 'MN':
        out.append(('mn-pfml', P(p + 'paid_leave.employee_rate') * min(gross, 1000 * math.floor(ss_cap / 1000 + 0.5)), True))
    if st == 'ME':
        out.append(('me-pfml', P(p + 'paid_leave.employee_rate') * min(gross, ss_cap), True))
    if st == 'RI':
        t = p + 'temporary_disability_insurance.'
        out.append(('ri-tdi', P(t + 'employee_rate') * min(box1, P(t + 'taxable_wage_base')), True))
    if st == 'VT':
        out.append(('vt-child-care', P(p + 'child_care.employee_rate') * box1, True))
    if st == 'PA':
        out.append(('pa-uc', P(p + 'unemployment.employee_rate') * gross, True))
    for pid, rate, cap, base, deductible in OTHER_PREMIUMS.get(st, []):
        wages = {'gross': gross, 'fica': fica, 'box1': box1}[base]
        out.append((pid, rate * min(wages, cap), deductible))
    return out


def with_locals(fn, extra):
    def run(P, c, fed):
        out = fn(P, c, fed)
        out.setdefault('locals', {}).update(extra(P, c))
        return out
    return run


def denver(P, c):
    if c['locality'] == 'denver' and c['gross'] >= 500 * 12:
        return {'denver-opt': 12 * P('gov.local.co.denver.tax.payroll.occupational_privilege.employee_amount')}
    return {}


STATES = {
    'AL': st_AL, 'AK': st_none, 'AZ': st_AZ, 'AR': st_AR, 'CA': st_CA, 'CO': with_locals(st_CO, denver),
    'CT': st_CT, 'DE': with_locals(st_DE, st_DEL_locals), 'DC': st_DC, 'FL': st_none, 'GA': st_GA,
    'HI': st_HI, 'ID': st_ID, 'IL': st_IL, 'IN': st_IN, 'IA': st_IA, 'KS': st_KS, 'KY': st_KY,
    'LA': st_LA, 'ME': st_ME, 'MD': st_MD, 'MA': st_MA, 'MI': st_MI, 'MN': st_MN, 'MS': st_MS,
    'MO': st_MO, 'MT': st_MT, 'NE': st_NE, 'NV': st_none, 'NH': st_none, 'NJ': st_NJ, 'NM': st_NM,
    'NY': st_NY, 'NC': st_NC, 'ND': st_ND, 'OH': st_OH, 'OK': st_OK, 'OR': st_OR, 'PA': st_PA,
    'RI': st_RI, 'SC': st_SC, 'SD': st_none, 'TN': st_none, 'TX': st_none, 'UT': st_UT, 'VT': st_VT,
    'VA': st_VA, 'WA': st_none, 'WV': st_WV, 'WI': st_WI, 'WY': st_none,
}


# ---------------------------------------------------------------- one case
def solve(P, case):
    c = {'k401': 0, 'hsa': 0, 'other': 0, 'age': 40, 'locality': None, **case}
    state = STATES[c['state']]
    prem = premiums(P, c)
    prem_salt = sum(a for _, a, d in prem if d)

    def run(itemize, salt, state_tax):
        fed = federal(P, c, itemize, salt)
        r = state(P, {**c, 'stateTaxForSalt': state_tax}, fed)
        locs = r.get('locals', {})
        out_salt = max(0, r['state']) + sum(max(0, v) for v in locs.values()) + prem_salt
        return fed, r, out_salt

    fed0, r0, salt0 = run(False, 0, 0)
    salt, stx = salt0, max(0, r0['state'])
    for _ in range(200):
        fed1, r1, salt1 = run(True, salt, stx)
        done = abs(salt1 - salt) < 1e-7 and abs(max(0, r1['state']) - stx) < 1e-7
        salt, stx = salt1, max(0, r1['state'])
        if done:
            break
    diff = fed1['tax'] - fed0['tax']
    itemize = diff < -0.01 or (abs(diff) <= 0.01 and fed1['itemized'] > fed0['std'])
    fed, r = (fed1, r1) if itemize else (fed0, r0)
    lines = {'federal': fed['tax'], **payroll(P, c), 'state': r['state']}
    for k, v in r.get('locals', {}).items():
        lines[k] = v
    for pid, a, _ in prem:
        lines[pid] = a
    total = sum(lines.values())
    return {
        'itemized': itemize,
        'lines': {k: round(v, 2) for k, v in lines.items()},
        'net': round(c['gross'] - c['k401'] - c['hsa'] - total, 2),
    }


# ---------------------------------------------------------------- the table
LOCALITIES = {
    'NY': ['nyc', 'yonkers'], 'PA': ['philadelphia', 'pittsburgh'],
    'OR': ['portland', 'multnomah', 'portland-metro'],
    'MD': ['montgomery', 'baltimore-city', 'anne-arundel', 'frederick', 'worcester'],
    'IN': ['marion', 'hamilton', 'tippecanoe'], 'OH': ['columbus', 'cleveland', 'cincinnati'],
    'MI': ['detroit', 'grand-rapids'], 'MO': ['kansas-city', 'st-louis'],
    'KY': ['louisville', 'lexington'], 'DE': ['wilmington'], 'CO': ['denver'],
}


def cases():
    out = []
    for st in sorted(STATES):
        for filing in ('single', 'married'):
            for gross in (60000, 150000, 270000, 400000, 700000, 1200000):
                out.append({'state': st, 'filing': filing, 'gross': gross})
            # 401(k) and HSA through payroll
            out.append({'state': st, 'filing': filing, 'gross': 150000, 'k401': 24500,
                        'hsa': 4400 if filing == 'single' else 8750})
    for st, ids in sorted(LOCALITIES.items()):
        for loc in ids:
            for filing in ('single', 'married'):
                for gross in (150000, 400000):
                    out.append({'state': st, 'locality': loc, 'filing': filing, 'gross': gross})
    # other itemised deductions (mortgage interest, charity)
    for st, loc, filing, gross, other in (
        ('NY', 'nyc', 'single', 400000, 20000), ('CA', None, 'single', 300000, 30000),
        ('CO', None, 'married', 400000, 25000), ('TX', None, 'married', 250000, 40000),
        ('IL', None, 'single', 200000, 15000), ('MA', None, 'married', 1200000, 50000),
    ):
        out.append({'state': st, 'locality': loc, 'filing': filing, 'gross': gross, 'other': other})
    # low pay with the most saved: the saver's credit and the EITC (no state income tax)
    for st in ('TX', 'WA', 'FL'):
        for filing in ('single', 'married'):
            out.append({'state': st, 'filing': filing, 'gross': 40000, 'k401': 24500, 'hsa': 4400})
            out.append({'state': st, 'filing': filing, 'gross': 55000, 'k401': 24500})
    return out


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        sys.exit('usage: tax-reference.py PATH/TO/policyengine_us/parameters')
    P = Params(sys.argv[1])
    rows = []
    for case in cases():
        result = solve(P, case)
        row = {k: v for k, v in case.items() if v not in (None, 0) or k == 'gross'}
        row.update(result)
        rows.append(row)
    doc = {
        'about': (
            'Expected take-home results for ml-salary (tests/model/take-home-reference.test.ts), computed by '
            'scripts/tax-reference.py from PolicyEngine-US parameter files (figures in force on '
            '1 January 2026, not uprated) and the states\' rules as written there, not from ml-salary\'s '
            'code or data. Each line is in dollars before rounding; the tool must match each to $2. '
            'A wage-only full-year resident aged 40, no dependents; married = filing jointly, one earner; '
            'k401 and hsa are payroll deferrals; other = itemised deductions besides state and local taxes.'
        ),
        'sources': [
            'PolicyEngine-US, policyengine_us/parameters (gov/irs, gov/states, gov/local), snapshot of '
            + os.environ.get('PE_COMMIT', 'the commit named in docs/take-home.md')
            + '; each parameter file names its primary reference (statute, revenue department form or booklet)',
            'Local figures PolicyEngine lacks: City of Pittsburgh Department of Finance (EIT 3%, LST $52); '
            'Metro Code ch. 7.05 (SHS 1% over $125,000 / $200,000); Portland City Code 5.73 (arts tax $35); '
            'Ohio city income tax ordinances (Columbus, Cleveland, Toledo, Akron, Dayton 2.5%; Cincinnati 1.8%); '
            'Michigan City Income Tax Act (Detroit 2.4%, Grand Rapids 1.5%, $600 exemptions)',
            'Payroll premiums PolicyEngine lacks: NJDOL (worker UI 0.425% on $44,800), Alaska DOLWD '
            '(employee UI 0.5% on $51,700, 2025), Hawaii DLIR (TDI 0.5%, at most $7.50 a week)',
        ],
        'cases': rows,
    }
    head = json.dumps({k: v for k, v in doc.items() if k != 'cases'}, indent=2)[:-2]
    sys.stdout.write(head + ',\n  "cases": [\n')
    sys.stdout.write(',\n'.join('    ' + json.dumps(r, separators=(', ', ': ')) for r in rows))
    sys.stdout.write('\n  ]\n}\n')


if __name__ == '__main__':
    main()
