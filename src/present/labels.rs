//! Every Vietnamese word the UI shows, in one place (group and metric names come from the methodology
//! data). An English table can sit beside this one later.

use crate::engine::Level;

pub const APP_NAME: &str = "Chỉ số phục vụ người dân, doanh nghiệp";
pub const APP_SUBTITLE: &str = "Tính điểm, xếp hạng và lập kế hoạch theo Quyết định 766/QĐ-TTg";
pub const SOURCE: &str = "Nguồn";
pub const LOADING: &str = "Đang tải dữ liệu…";
pub const LOAD_FAILED: &str = "Không tải được dữ liệu mặc định";
pub const CAPTURED: &str = "lấy ngày";
pub const METHODOLOGY: &str = "Phương pháp tính";
pub const PEER_GROUP: &str = "Nhóm xếp hạng";
pub const SEARCH_PLACEHOLDER: &str = "Tìm đơn vị, ví dụ: tam son";
pub const SEARCH_LABEL: &str = "Tìm đơn vị";
pub const COL_RANK: &str = "Hạng";
pub const COL_UNIT: &str = "Đơn vị";
pub const COL_TOTAL: &str = "Tổng";
pub const GIVEN_LEGEND: &str =
    "Số in nghiêng: điểm nhóm do Cổng công bố, không kèm số liệu chỉ tiêu (như CLGQ của sở và xã).";
pub const NO_MATCH: &str = "Không có đơn vị nào khớp với từ khóa.";
pub const RANKING_CAPTION: &str = "Bảng xếp hạng";
pub const SELECT_HINT: &str = "Chọn một đơn vị trong bảng để xem chi tiết điểm từng chỉ tiêu.";
pub const BREAKDOWN: &str = "Chi tiết điểm";
pub const RANK_AMONG: &str = "Hạng";
pub const TOTAL: &str = "Tổng điểm";
pub const LOST: &str = "Mất";
pub const POINTS: &str = "Điểm";
pub const MAX: &str = "tối đa";
pub const NUMERATOR: &str = "Tử số";
pub const DENOMINATOR: &str = "Mẫu số";
pub const RATE: &str = "Tỷ lệ";
pub const METRIC: &str = "Chỉ tiêu";
pub const GIVEN_GROUP: &str = "Cổng chỉ công bố điểm nhóm này cho đơn vị, không có số liệu chỉ tiêu.";
pub const GIVEN_METRIC: &str = "điểm do Cổng công bố";
pub const INHERITED: &str = "tính ở cấp tỉnh";
pub const MONITOR: &str = "theo dõi, không tính điểm";
pub const NULL_SCORE: &str = "không có hồ sơ (Cổng không chấm, tính 0)";
pub const POINTS_UNIT: &str = "điểm";
pub const CLOSE: &str = "Đóng";
pub const TARGET_AT: &str = "đạt tối đa từ";

/// "xã, phường", "sở, ban, ngành", "tỉnh": after a number ("2/148 xã, phường").
pub fn level_plural_lower(level: Level) -> &'static str {
    match level {
        Level::Province => "tỉnh",
        Level::Department => "sở, ban, ngành",
        Level::Commune => "xã, phường",
    }
}

/// "Xã, phường", "Sở, ban, ngành", "Tỉnh".
pub fn level_plural(level: Level) -> &'static str {
    match level {
        Level::Province => "Tỉnh",
        Level::Department => "Sở, ban, ngành",
        Level::Commune => "Xã, phường",
    }
}

// What-if
pub const SCENARIO: &str = "Kịch bản nâng điểm";
pub const TOTAL_SHORT: &str = "Tổng điểm";
pub const RANK_SHORT: &str = "Hạng";
pub const PASSES: &str = "Vượt qua";
pub const AND_MORE: &str = "và";
pub const MORE_UNITS: &str = "đơn vị khác";
pub const NO_PASS: &str = "Chưa vượt đơn vị nào.";
pub const RESET: &str = "Đặt lại";
pub const RESET_UNIT: &str = "Đặt lại đơn vị này";
pub const RESET_ALL: &str = "Đặt lại tất cả";
pub const AT_MAX: &str = "đã đạt điểm tối đa";
pub const GROUP_LEVER: &str = "Nâng mọi chỉ tiêu lên ít nhất";
pub const BEFORE: &str = "trước";
pub const NOW: &str = "Hiện tại";
pub const CHANGED_MARK: &str = "Đơn vị có điều chỉnh trong kịch bản";
pub const EXACT_VALUE: &str = "Số chính xác hoặc tỷ lệ (ví dụ 1.240 hoặc 85%)";
pub const BARS_TITLE: &str = "Điểm từng nhóm: trước (xám) và theo kịch bản (màu)";
pub const OF: &str = "trên";

/// The groups that get a group lever and come first, open: digitization and online payment.
pub const LEVER_GROUPS: [&str; 2] = ["MDSH", "TTTT"];

// Data in and out
pub const OPEN_DATA: &str = "Mở dữ liệu…";
pub const DOWNLOAD_TEMPLATE: &str = "Tải tệp mẫu CSV";
pub const DROP_HINT: &str = "hoặc kéo thả tệp .json, tệp mẫu .csv, hay 6 tệp CSV của Cổng vào đây";
pub const READING: &str = "Đang đọc dữ liệu";
pub const SCORING: &str = "Đang tính điểm và xếp hạng";
pub const READ_FAILED: &str = "không đọc được tệp";
pub const LOADED: &str = "Đã mở";
pub const UNITS: &str = "đơn vị";
pub const IMPORT_FAILED: &str = "Không mở được dữ liệu; dữ liệu đang dùng vẫn giữ nguyên";
pub const PROBLEMS: &str = "lỗi";
pub const MORE_PROBLEMS: &str = "lỗi nữa";
pub const EXPORT_RANKING: &str = "Xuất bảng xếp hạng (CSV)";
pub const EXPORT_PLAN: &str = "Xuất kế hoạch đơn vị (CSV)";
pub const EXPORT_DATA: &str = "Xuất dữ liệu (JSON)";
pub const EXPORT_TEMPLATE: &str = "Xuất dữ liệu (CSV mẫu)";
pub const LINK_OTHER_DATA: &str = "Liên kết này dành cho dữ liệu khác";
pub const OPEN_THAT_FILE: &str = "Hãy mở tệp dữ liệu đó (nút «Mở dữ liệu…») rồi mở lại liên kết.";
pub const BAD_LINK: &str = "Liên kết không dùng được";
pub const STORE_DAMAGED: &str =
    "Kịch bản đã lưu trong trình duyệt bị hỏng hoặc của phiên bản khác; đã cất sang một bên và bắt đầu mới";
pub const SAVED_SCENARIOS: &str = "Kịch bản đã lưu";
pub const SAVE: &str = "Lưu kịch bản";
pub const SCENARIO_NAME: &str = "Tên kịch bản";
pub const OPEN: &str = "Mở";
pub const RENAME: &str = "Đổi tên";
pub const DELETE: &str = "Xóa";
pub const NO_SAVED: &str = "Chưa có kịch bản nào được lưu cho dữ liệu này.";
