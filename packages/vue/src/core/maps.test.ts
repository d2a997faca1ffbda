import { afterEach, beforeEach, expect, it } from 'vitest'
import { computed, effectScope, shallowRef, watch, type EffectScope } from 'vue'
import { deleteEntry, setEntries, setEntry, type MapRef } from './maps'

let scope: EffectScope
let map: MapRef<number>
let triggers: number

beforeEach(() => {
  scope = effectScope()
  map = shallowRef(new Map([['a', 1], ['b', 2]]))
  triggers = 0
  scope.run(() => watch(map, () => triggers++, { flush: 'sync' }))
})

afterEach(() => scope.stop())

const entries = () => [...map.value]

it('setEntry appends a new key and triggers once', () => {
  const before = map.value
  setEntry(map, 'c', 3)
  expect(entries()).toEqual([['a', 1], ['b', 2], ['c', 3]])
  expect(map.value).toBe(before) // changed in place, not copied
  expect(triggers).toBe(1)
})

it('setEntry on a known key keeps its place', () => {
  setEntry(map, 'a', 10)
  expect(entries()).toEqual([['a', 10], ['b', 2]])
  expect(triggers).toBe(1)
})

it('setEntries triggers once for many entries and not at all for none', () => {
  expect(setEntries(map, [['c', 3], ['a', 10], ['d', 4]])).toBe(true)
  expect(entries()).toEqual([['a', 10], ['b', 2], ['c', 3], ['d', 4]])
  expect(triggers).toBe(1)
  expect(setEntries(map, [])).toBe(false)
  expect(triggers).toBe(1)
})

it('deleteEntry removes a key, keeps the others in order and triggers once', () => {
  setEntry(map, 'c', 3)
  expect(deleteEntry(map, 'b')).toBe(true)
  expect(entries()).toEqual([['a', 1], ['c', 3]])
  expect(triggers).toBe(2)
})

it('deleteEntry of an absent key changes and triggers nothing', () => {
  expect(deleteEntry(map, 'x')).toBe(false)
  expect(entries()).toEqual([['a', 1], ['b', 2]])
  expect(triggers).toBe(0)
})

it('a computed list over the values follows every change', () => {
  const list = computed(() => [...map.value.values()])
  expect(list.value).toEqual([1, 2])
  setEntry(map, 'c', 3)
  deleteEntry(map, 'a')
  expect(list.value).toEqual([2, 3])
})
