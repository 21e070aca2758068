import { describe, expect, test } from 'vitest'
import { describeScores } from './descriptives'
import { compareGroups } from './group-comparison'
import { cronbachAlpha, pearson } from './reliability'

describe('descriptives of a group of scores', () => {
  test('mean, sample SD and type-7 quartiles, as R gives them', () => {
    // R: v <- c(40,55,55,70,90); mean(v) 62; sd(v) 18.9076704012; quantile(v, c(.25,.5,.75), type = 7) 55 55 70
    const d = describeScores([90, 55, 40, 70, 55])!
    expect(d).toMatchObject({ n: 5, mean: 62, median: 55, q1: 55, q3: 70 })
    expect(d.sd).toBeCloseTo(18.9076704012, 9)
  })

  test('one score has no spread and no scores have no statistics', () => {
    expect(describeScores([42])).toMatchObject({ n: 1, mean: 42, sd: null, median: 42 })
    expect(describeScores([])).toBeNull()
  })
})

describe('comparing groups', () => {
  test('Kruskal–Wallis and one-way ANOVA match R on the same data', () => {
    // R: kruskal.test(list(a, b, c)) → chi-squared 0.771428571429, df 2, p 0.679964773579
    //    summary(aov(x ~ g)) → F 0.56007, Df 2 and 11, p 0.58663, Sum Sq 0.44678571429 and 4.3875
    const a = [2.9, 3.0, 2.5, 2.6, 3.2]
    const b = [3.8, 2.7, 4.0, 2.4]
    const c = [2.8, 3.4, 3.7, 2.2, 2.0]
    const result = compareGroups([a, b, c])!
    expect(result.kruskalWallis.h).toBeCloseTo(0.771428571429, 9)
    expect(result.kruskalWallis.df).toBe(2)
    expect(result.kruskalWallis.p).toBeCloseTo(0.679964773579, 9)
    expect(result.kruskalWallis.epsilonSquared).toBeCloseTo(0.771428571429 / 13, 9)
    expect(result.anova!.f).toBeCloseTo(0.56007, 4)
    expect(result.anova!.dfBetween).toBe(2)
    expect(result.anova!.dfWithin).toBe(11)
    expect(result.anova!.p).toBeCloseTo(0.58663, 4)
    expect(result.anova!.etaSquared).toBeCloseTo(0.44678571429 / (0.44678571429 + 4.3875), 9)
  })

  test('tied scores are corrected for, as R does', () => {
    // R: kruskal.test(list(c(40,55,55,70,90), c(55,60,60,80,85,95))) → 1.22790697674, p 0.267814467719
    const result = compareGroups([[40, 55, 55, 70, 90], [55, 60, 60, 80, 85, 95]])!
    expect(result.kruskalWallis.h).toBeCloseTo(1.22790697674, 9)
    expect(result.kruskalWallis.p).toBeCloseTo(0.267814467719, 9)
  })

  test('a strong difference gives a small p (R: aov F 24.92857, p 0.00021379)', () => {
    const result = compareGroups([[1, 3, 5, 2], [4, 6, 8, 7], [10, 11, 12, 15]])!
    expect(result.anova!.f).toBeCloseTo(24.92857, 4)
    expect(result.anova!.p).toBeCloseTo(0.00021379, 7)
  })

  test('no test with fewer than two groups or no variation at all', () => {
    expect(compareGroups([[1, 2, 3]])).toBeNull()
    expect(compareGroups([[5, 5], [5, 5, 5]])).toBeNull()
  })
})

describe('reliability', () => {
  test('Cronbach’s alpha of a small textbook matrix', () => {
    // Six people, three items. Item variances 1.4667, 2.1667, 1.6; total variance 14.6667:
    // 3/2 × (1 − 5.2333/14.6667) = 0.9621; R: k/(k-1)*(1-sum(apply(m,2,var))/var(rowSums(m))) → 0.962138084633
    const rows = [[1, 1, 1], [2, 2, 1], [2, 3, 3], [3, 3, 2], [4, 4, 4], [4, 5, 4]]
    expect(cronbachAlpha(rows)).toBeCloseTo(0.962138084633, 9)
  })

  test('alpha needs two items, two rows and some spread in totals', () => {
    expect(cronbachAlpha([[1], [2]])).toBeNull()
    expect(cronbachAlpha([[1, 2]])).toBeNull()
    expect(cronbachAlpha([[1, 1], [1, 1], [1, 1]])).toBeNull()
  })

  test('Pearson’s r (R: cor(1:6, c(2,1,4,3,7,5)) → 0.791794654889)', () => {
    expect(pearson([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 7, 5])).toBeCloseTo(0.791794654889, 9)
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull()
  })
})
