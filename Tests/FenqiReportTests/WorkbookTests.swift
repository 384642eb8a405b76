import Foundation
import Testing

@testable import FenqiReport

/// The `.xlsx` writer: the ZIP container, cell references and typed cells.
@Suite struct WorkbookTests {
  @Test func crc32MatchesTheCheckValue() {
    // The CRC-32 check value of "123456789" (ISO 3309 / ITU-T V.42).
    #expect(ZipArchive.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
  }

  @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
  func columnLetters(_ index: Int, _ letters: String) {
    #expect(Workbook.column(index) == letters)
  }

  @Test func numbersAreNumbersTextIsTextAndEmptyCellsStayEmpty() {
    let xml = Workbook.sheet(
      "arm,rate,note\ncontrol,0.25,\n\"a,b\",-1e-7,n/m\n")
    #expect(xml.contains("<c r=\"B2\"><v>0.25</v></c>"))
    #expect(xml.contains("<c r=\"B3\"><v>-1e-7</v></c>"))
    #expect(xml.contains("<is><t xml:space=\"preserve\">a,b</t></is>"))
    #expect(!xml.contains("r=\"C2\""))
    #expect(xml.contains("<c r=\"C3\" t=\"inlineStr\">"))
    // Header cells are text even when they look like numbers.
    #expect(
      Workbook.sheet("2024\n1\n").contains("<c r=\"A1\" t=\"inlineStr\">"))
  }

  @Test func theArchiveListsEverySheetAndEndsWithItsDirectory() throws {
    let bytes = Workbook.xlsx([("arms", "a,b\n1,2\n"), ("periods", "p\n3\n")])
    #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
    let signature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    let starts = Array(0..<(bytes.count - 3))
    let found = starts.last { i in Array(bytes[i..<(i + 4)]) == signature }
    let end = try #require(found)
    // Entries: content types, two relationships, workbook, styles, two sheets.
    #expect(Int(bytes[end + 10]) | Int(bytes[end + 11]) << 8 == 7)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("<sheet name=\"arms\" sheetId=\"1\" r:id=\"rId1\"/>"))
    #expect(text.contains("xl/worksheets/sheet2.xml"))
    #expect(
      Workbook.xlsx([("arms", "a\n1\n")]) == Workbook.xlsx([("arms", "a\n1\n")])
    )
    #expect(
      Workbook.sheetName("a[b]:c*d?e/f\\g-and-a-very-long-name-indeed")
        == "a_b__c_d_e_f_g-and-a-very-long-")
  }
}
