/**
 * The Vietnamese words of the web editor (/admin) that the schemas do not carry: each collection's name, each field's
 * short label and each choice's label. Hints come from the schemas' own doc comments (schema-docs.ts).
 *
 * A field is looked up by "parent.name" first (e.g. "support.kind"), then by its name alone, where parent is the
 * field that holds it (list items count as their list). The config generator stops the build when a field or a choice
 * has no label here, so a new schema field cannot reach the editors without a Vietnamese label.
 */
import type { CollectionName } from '../check/collections.ts';

export interface CollectionWords {
  label: string;
  singular: string;
  description: string;
  /** A Material Symbols icon name. */
  icon: string;
}

/** The collections the editor offers, in menu order. */
export const COLLECTION_WORDS: Partial<Record<CollectionName, CollectionWords>> = {
  news: {
    label: 'Tin tức',
    singular: 'Tin',
    description: 'Bài tin viết bằng lời của ban biên tập, có nguồn.',
    icon: 'newspaper',
  },
  conferences: {
    label: 'Hội nghị',
    singular: 'Hội nghị',
    description: 'Hội nghị khuyến công: thông tin, tham luận và bài tường thuật.',
    icon: 'groups',
  },
  stories: {
    label: 'Câu chuyện',
    singular: 'Câu chuyện',
    description: 'Câu chuyện thành công của một cơ sở được hỗ trợ.',
    icon: 'auto_stories',
  },
  votingRounds: {
    label: 'Đợt bình chọn',
    singular: 'Đợt bình chọn',
    description: 'Đợt bình chọn sản phẩm công nghiệp nông thôn tiêu biểu và kết quả.',
    icon: 'how_to_vote',
  },
  products: {
    label: 'Sản phẩm',
    singular: 'Sản phẩm',
    description: 'Sản phẩm được công nhận; cấp và năm công nhận lấy từ kết quả các đợt bình chọn.',
    icon: 'inventory_2',
  },
  beneficiaries: {
    label: 'Cơ sở',
    singular: 'Cơ sở',
    description: 'Cơ sở công nghiệp nông thôn được hỗ trợ hoặc có sản phẩm được công nhận.',
    icon: 'storefront',
  },
  reports: {
    label: 'Báo cáo số liệu',
    singular: 'Báo cáo',
    description: 'Số liệu khuyến công của một tỉnh hoặc một vùng trong một thời kỳ, như nguồn công bố.',
    icon: 'bar_chart',
  },
};

/**
 * Collections the editor does not offer, and why. The province list is reference data fixed by law (NQ 202/2025/QH15
 * and the GSO codes): a change goes through a reviewed pull request, not the web editor. Its entries are offered as
 * choices wherever a field names a province.
 */
export const NOT_EDITABLE: Partial<Record<CollectionName, string>> = {
  provinces: 'Danh sách đơn vị hành chính do luật định; sửa qua pull request có duyệt, không qua trình biên tập.',
};

/** Field labels: "parent.name" or "name". */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Tiêu đề',
  date: 'Ngày',
  summary: 'Tóm tắt',
  body: 'Nội dung bài',
  sources: 'Nguồn tin',
  'sources.publisher': 'Cơ quan hoặc tờ báo đăng',
  'sources.title': 'Tiêu đề bài hoặc văn bản',
  'sources.url': 'Địa chỉ web (https://…)',
  'sources.date': 'Ngày đăng',
  'sources.note': 'Ghi chú',
  photos: 'Ảnh',
  cover: 'Ảnh đại diện',
  src: 'Tệp ảnh',
  alt: 'Mô tả ảnh (cho người không nhìn thấy)',
  caption: 'Chú thích',
  credit: 'Tác giả hoặc nguồn ảnh',
  province: 'Tỉnh, thành phố',
  provinces: 'Tỉnh, thành phố liên quan',
  name: 'Tên',
  kind: 'Loại hình',
  region: 'Vùng',
  number: 'Số thứ tự (chữ số La Mã)',
  host: 'Tỉnh, thành phố đăng cai',
  venue: 'Địa điểm',
  organisers: 'Đơn vị tổ chức',
  'organisers.item': 'Đơn vị',
  chairs: 'Người chủ trì',
  guests: 'Đại biểu tiêu biểu',
  'chairs.name': 'Họ tên',
  'guests.name': 'Họ tên',
  'contributions.name': 'Họ tên người tham luận',
  role: 'Chức vụ, cơ quan',
  participants: 'Thành phần tham dự',
  provincesCount: 'Số tỉnh, thành tham gia',
  keyFigures: 'Số liệu chính',
  label: 'Nhãn số liệu',
  value: 'Giá trị',
  unit: 'Đơn vị',
  note: 'Ghi chú',
  tasksCount: 'Số nhiệm vụ chủ yếu',
  tasks: 'Nhiệm vụ',
  'tasks.item': 'Nhiệm vụ',
  contributions: 'Tham luận',
  'contributions.province': 'Tỉnh, thành phố của người tham luận',
  'contributions.title': 'Tiêu đề tham luận',
  'contributions.summary': 'Tóm tắt tham luận',
  nextHost: 'Đơn vị nhận cờ đăng cai lần sau',
  topics: 'Chủ đề',
  conference: 'Hội nghị liên quan',
  round: 'Đợt bình chọn liên quan',
  products: 'Sản phẩm liên quan',
  beneficiaries: 'Cơ sở liên quan',
  group: 'Nhóm sản phẩm',
  isSet: 'Là bộ sản phẩm',
  producer: 'Cơ sở sản xuất',
  description: 'Mô tả',
  contact: 'Liên hệ',
  address: 'Địa chỉ',
  addressPublished: 'Địa chỉ đã được cơ sở công bố',
  location: 'Vị trí trên bản đồ',
  lat: 'Vĩ độ',
  lng: 'Kinh độ',
  precision: 'Độ chính xác của vị trí',
  sector: 'Ngành nghề',
  groups: 'Nhóm sản phẩm',
  support: 'Các lần được hỗ trợ',
  'support.year': 'Năm',
  'support.programme': 'Nguồn kinh phí',
  'support.project': 'Tên đề án',
  'support.kind': 'Nội dung hỗ trợ',
  'support.amount': 'Kinh phí khuyến công (đồng)',
  'support.counterpart': 'Vốn đối ứng (đồng)',
  beneficiary: 'Cơ sở được kể',
  figures: 'Số liệu',
  before: 'Trước hỗ trợ',
  after: 'Sau hỗ trợ',
  beforePeriod: 'Thời điểm của số liệu trước (ví dụ 2018)',
  afterPeriod: 'Thời điểm của số liệu sau (ví dụ 2022)',
  level: 'Cấp',
  year: 'Năm bình chọn',
  organiser: 'Cơ quan tổ chức',
  resultsSheet: 'Bảng kết quả (Excel hoặc CSV)',
  decision: 'Quyết định công nhận',
  'decision.number': 'Số quyết định',
  'decision.date': 'Ngày quyết định',
  entries: 'Số hồ sơ tham gia',
  recognised: 'Số sản phẩm được công nhận',
  recognisedByGroup: 'Số được công nhận theo nhóm',
  'recognisedByGroup.1': 'Nhóm 1',
  'recognisedByGroup.2': 'Nhóm 2',
  'recognisedByGroup.3': 'Nhóm 3',
  'recognisedByGroup.4': 'Nhóm 4',
  localities: 'Số địa phương có sản phẩm được công nhận',
  ceremony: 'Lễ trao giấy chứng nhận',
  'ceremony.date': 'Ngày trao',
  'ceremony.place': 'Nơi trao',
  notes: 'Ghi chú',
  results: 'Kết quả',
  'results.product': 'Sản phẩm',
  'results.score': 'Điểm bình quân',
  'results.certificate': 'Số giấy chứng nhận',
  'results.decision': 'Số quyết định riêng',
  period: 'Thời kỳ',
  'period.from': 'Từ năm',
  'period.to': 'Đến năm',
  periodLabel: 'Thời kỳ hiển thị',
  scope: 'Phạm vi',
  funding: 'Kinh phí (đồng)',
  'funding.total': 'Tổng kinh phí',
  'funding.national': 'Khuyến công quốc gia',
  'funding.local': 'Khuyến công địa phương',
  'funding.counterpart': 'Vốn đối ứng',
  beneficiariesByKind: 'Số cơ sở được hỗ trợ theo loại hình',
  'beneficiariesByKind.doanh-nghiep': 'Doanh nghiệp',
  'beneficiariesByKind.hop-tac-xa': 'Hợp tác xã',
  'beneficiariesByKind.to-hop-tac': 'Tổ hợp tác',
  'beneficiariesByKind.ho-kinh-doanh': 'Hộ kinh doanh',
};

const GROUPS = {
  '1': '1 – Thủ công mỹ nghệ',
  '2': '2 – Chế biến nông, lâm, thủy sản, thực phẩm',
  '3': '3 – Thiết bị, máy móc, cơ khí',
  '4': '4 – Khác',
};
const UNITS = {
  dong: 'đồng',
  count: 'số lượng',
  percent: 'phần trăm (%)',
  people: 'người',
  projects: 'đề án',
  provinces: 'tỉnh, thành',
  classes: 'lớp',
};

/** Labels of the choices of a field, looked up like the field's label. */
export const OPTION_LABELS: Record<string, Record<string, string>> = {
  region: { bac: 'Phía Bắc', 'trung-tay-nguyen': 'Miền Trung – Tây Nguyên', nam: 'Phía Nam', 'toan-quoc': 'Toàn quốc' },
  kind: {
    'doanh-nghiep': 'Doanh nghiệp',
    'hop-tac-xa': 'Hợp tác xã',
    'to-hop-tac': 'Tổ hợp tác',
    'ho-kinh-doanh': 'Hộ kinh doanh',
    'chua-ro': 'Nguồn không nêu loại hình',
  },
  'support.programme': {
    'quoc-gia': 'Khuyến công quốc gia',
    'dia-phuong': 'Khuyến công địa phương',
    'chua-ro': 'Nguồn không nêu',
  },
  precision: {
    exact: 'Chính xác (chỉ khi địa chỉ đã công bố)',
    commune: 'Cấp xã',
    district: 'Cấp huyện',
    province: 'Cấp tỉnh',
  },
  unit: UNITS,
  topics: {
    'hoi-nghi': 'Hội nghị',
    'binh-chon': 'Bình chọn',
    'chinh-sach': 'Chính sách',
    'tong-ket': 'Tổng kết',
    'ho-tro-co-so': 'Hỗ trợ cơ sở',
    'xuc-tien-thuong-mai': 'Xúc tiến thương mại',
  },
  level: { huyen: 'Cấp huyện', tinh: 'Cấp tỉnh', 'khu-vuc': 'Cấp khu vực', 'quoc-gia': 'Cấp quốc gia' },
  group: { ...GROUPS, 'chua-ro': 'Nguồn không nêu nhóm' },
  groups: GROUPS,
};

/** Fields whose text runs to several lines (a textarea instead of one line). */
export const MULTILINE = new Set([
  'summary',
  'description',
  'participants',
  'notes',
  'contact',
  'scope',
  'contributions.summary',
]);

/** What each referenced collection's entries are shown and searched by in a relation field. */
export const DISPLAY_FIELD: Partial<Record<CollectionName, string>> = {
  conferences: 'title',
  news: 'title',
  votingRounds: 'title',
  products: 'name',
  beneficiaries: 'name',
  stories: 'title',
  reports: 'title',
};
