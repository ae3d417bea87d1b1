import { registerEnumType } from "type-graphql";

/** Hostup's control-panel languages (upstream `sv` / `en`). */
export enum HostupLanguage {
  SV = "SV",
  EN = "EN",
}

registerEnumType(HostupLanguage, {
  name: "HostupLanguage",
  description: "Language of Hostup's control panel and of the emails it sends.",
  valuesConfig: {
    SV: { description: "Swedish (upstream `sv`)." },
    EN: { description: "English (upstream `en`)." },
  },
});
