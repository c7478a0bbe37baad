import { describe, expect, it } from "vitest";
import { foldName, nameSearchKeys, skeletonKey } from "./names.ts";

describe("skeletonKey", () => {
  it.each([
    [["Mohammed", "Muhammad", "Mohamed", "Mohamud", "Muhammed"], "mmd"],
    [["Chowdhury", "Choudhury", "Chaudhry", "Chowdhry"], "cdr"],
    [["Aisha", "Ayesha", "Aysha"], "as"],
    [["Hussain", "Hussein", "Hossain", "Husain"], "hsn"],
    [["Yusuf", "Yousef", "Youssef"], "ysf"],
    [["Fatima", "Fatimah", "Fatema"], "ftm"],
    [["Catherine", "Kathryn", "Katharine"], "ktrn"],
    [["Ibrahim", "Ebrahim", "Ibraheem"], "abrm"],
    [["Siddiqui", "Siddiqi", "Sidiki"], "sdk"],
  ])("gives one key for %j", (spellings, key) => {
    for (const s of spellings) expect(skeletonKey(s), s).toBe(key);
  });
  it("keeps different names apart", () => {
    expect(skeletonKey("Maud")).not.toBe(skeletonKey("Mohammed"));
    expect(skeletonKey("Smith")).not.toBe(skeletonKey("Jones"));
  });
});

describe("foldName and keys", () => {
  it("removes accents and splits hyphenated names", () => {
    expect(foldName("Nguyễn Thị")).toBe("nguyen thi");
    expect(nameSearchKeys("Abdul-Rahman", "O'Brien")).toEqual(["s:abdl", "p:abd", "s:rmn", "p:rah", "s:a", "p:o", "s:brn", "p:bri"]);
  });
});
