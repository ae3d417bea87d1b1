import { registerEnumType } from "type-graphql";
import { Provider } from "../providers/provider.js";

registerEnumType(Provider, {
  name: "Provider",
  description: "An upstream SaaS provider whose account settings this API exposes.",
  valuesConfig: {
    DIFFIO: { description: "Diffio (api.diffio.ai): API account billing settings." },
    HOSTUP: { description: "Hostup (cloud.hostup.se): control-panel account preferences." },
    CUDO: { description: "Cudo Compute (rest.compute.cudo.org): billing accounts." },
    DEPICTA: { description: "Depicta (api.depicta.ai): user profile and credit balance." },
  },
});

export { Provider };
