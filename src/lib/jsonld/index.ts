/** schema.org JSON-LD builders, typed with schema-dts. Pages pass `ld(node)` or `graph(a, b)` to BaseLayout's jsonLd. */
export { absolute, graph, ld, LICENCE_URL, nodeId, siteOrganization, websiteLd, type JsonLdData } from './core';
export { breadcrumbNode } from './breadcrumbs';
export { catalogNode, datasetNode, statisticsNode, type DatasetInput } from './dataset';
export { conferenceNode, type ConferenceInput } from './event';
export { newsArticleNode, storyNode, type ArticleInput } from './news';
export {
  aboutPageNode,
  collectionPageNode,
  mapPageNode,
  recognitionPageNode,
  searchPageNode,
  type ListingInput,
  type PageInput,
} from './page';
export { provinceNode, type ProvinceInput } from './place';
export { beneficiaryNode, productNode, type BeneficiaryInput, type ProductInput } from './product';
export { roundNode, type RoundInput } from './round';
