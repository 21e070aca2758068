/** The Bitstring Status List spec's minimum: 16 KB of bits, so one set bit says little about which badge it is. */
export const STATUS_LIST_LENGTH = 131_072

export const isStatusIndex = (index: number) => Number.isInteger(index) && index >= 0 && index < STATUS_LIST_LENGTH
