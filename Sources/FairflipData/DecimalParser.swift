/// Reads a number from CSV bytes exactly as `Double(String)` reads the trimmed text, without
/// making a `String`.
///
/// The common case (a plain decimal such as `-12.3456e-2` with at most 19 significant digits
/// and a mantissa below 2^53 times a power of ten up to 10^22) is exact by Clinger's fast
/// path: both factors are exact doubles, so one multiplication or division rounds correctly.
/// Everything else that might be a number (`inf`, `nan`, hexadecimal, long mantissas, huge
/// exponents, Unicode spaces) goes to `Double(String)` itself, so the two never disagree.
enum DecimalParser {
    /// 10^e for 0 <= e <= 22: the powers of ten that are exact doubles.
    @inline(__always)
    static func exactPower(_ e: Int) -> Double {
        switch e {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// The plain decimal `-?digits[.digits]` starting at `start` and ending at a comma, a line
    /// break or `end`, when it fits Clinger's fast path (at most 15 digits, so the mantissa is
    /// exact): its value and where it ended. Nil when the field is anything else (the caller then
    /// scans it and calls `parse`).
    @inline(__always)
    static func plain(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (value: Double, end: Int)? {
        var i = start
        var negative = false
        if i < end, p[i] == 0x2D { negative = true; i += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        let first = i
        while i < end, p[i] &- 0x30 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
            i += 1
        }
        digits = i - first
        var fraction = 0
        if i < end, p[i] == 0x2E {
            i += 1
            let f = i
            while i < end, p[i] &- 0x30 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                i += 1
            }
            fraction = i - f
        }
        // Up to 15 digits in all: the mantissa is exact and below 2^53.
        guard digits + fraction > 0, digits + fraction <= 15, fraction <= 22 else { return nil }
        guard i == end || p[i] == 0x2C || p[i] == 0x0A || p[i] == 0x0D else { return nil }
        var v = Double(mantissa)
        if fraction > 0 { v /= exactPower(fraction) }
        return (negative ? -v : v, i)
    }

    /// The value of bytes `start..<end` after trimming ASCII spaces and tabs, or nil when
    /// `Double(String)` would not read them.
    static func parse(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Double? {
        var s = start, e = end
        while s < e, p[s] == 0x20 || p[s] == 0x09 { s += 1 }
        while e > s, p[e - 1] == 0x20 || p[e - 1] == 0x09 { e -= 1 }
        guard s < e else { return nil }
        if p[s] >= 0x80 || p[e - 1] >= 0x80 { return slow(p, from: start, to: end) }
        var i = s
        var negative = false
        if p[i] == 0x2D { negative = true; i += 1 } else if p[i] == 0x2B { i += 1 }
        guard i < e else { return nil }
        switch p[i] {
        case 0x69, 0x49, 0x6E, 0x4E: return slow(p, from: start, to: end)  // inf, nan
        default: break
        }
        var mantissa: UInt64 = 0
        var digits = 0, exponent = 0
        var sawDigit = false, truncated = false
        while i < e, p[i] &- 0x30 < 10 {
            let d = UInt64(p[i] &- 0x30)
            sawDigit = true
            if mantissa == 0 && d == 0 {
                // a leading zero
            } else if digits < 19 {
                mantissa = mantissa * 10 + d
                digits += 1
            } else {
                exponent += 1
                truncated = true
            }
            i += 1
        }
        if i < e, p[i] == 0x78 || p[i] == 0x58 { return slow(p, from: start, to: end) }  // 0x...
        if i < e, p[i] == 0x2E {
            i += 1
            while i < e, p[i] &- 0x30 < 10 {
                let d = UInt64(p[i] &- 0x30)
                sawDigit = true
                if mantissa == 0 && d == 0 {
                    exponent -= 1
                } else if digits < 19 {
                    mantissa = mantissa * 10 + d
                    digits += 1
                    exponent -= 1
                } else {
                    truncated = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < e, p[i] == 0x65 || p[i] == 0x45 {
            i += 1
            var negativeExponent = false
            if i < e, p[i] == 0x2D { negativeExponent = true; i += 1 } else if i < e, p[i] == 0x2B { i += 1 }
            guard i < e, p[i] &- 0x30 < 10 else { return nil }
            var value = 0
            while i < e, p[i] &- 0x30 < 10 {
                value = min(value * 10 + Int(p[i] &- 0x30), 1_000_000)
                i += 1
            }
            exponent += negativeExponent ? -value : value
        }
        guard i == e else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        guard !truncated, mantissa <= 1 << 53, exponent >= -22, exponent <= 22 else {
            return slow(p, from: start, to: end)
        }
        var v = Double(mantissa)
        v = exponent < 0 ? v / exactPower(-exponent) : v * exactPower(exponent)
        return negative ? -v : v
    }

    /// `Double(String)` of the trimmed text: the rare forms the fast path leaves alone.
    private static func slow(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Double? {
        Double(String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self).trimmingWhitespace)
    }
}
