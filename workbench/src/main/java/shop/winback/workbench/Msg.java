package shop.winback.workbench;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The pages' words, zh-CN first; English in messages/msg_en.properties. */
@MessageBundle
public interface Msg {

    @Message("售后工作台")
    String app();

    @Message("我的工作台")
    String nav_desk();

    @Message("退出登录")
    String signout();

    @Message("English")
    String switch_lang();

    @Message("en")
    String other_lang();

    @Message("登录")
    String signin_title();

    @Message("访问令牌（Bearer token）")
    String signin_token();

    @Message("粘贴您的令牌。令牌只保存在本浏览器的 Cookie 中，工作台不保存任何令牌。")
    String signin_hint();

    @Message("登录")
    String signin_submit();

    @Message("令牌无效或已过期，请重新登录。")
    String signin_invalid();

    @Message("演示用户（仅开发环境）")
    String signin_demo();

    @Message("以此身份登录：{name}")
    String signin_as(String name);

    @Message("我的工单")
    String desk_title();

    @Message("我的状态")
    String desk_presence();

    @Message("更改状态")
    String desk_presence_submit();

    @Message("{#when s}{#is 'ONLINE'}在线{#is 'AWAY'}离开{#is 'OFFLINE'}离线{#else}{s}{/when}")
    String status(String s);

    @Message("暂无待处理工单。")
    String desk_empty();

    @Message("实时更新")
    String desk_live();

    @Message("订单")
    String col_order();

    @Message("商品")
    String col_item();

    @Message("买家")
    String col_buyer();

    @Message("评价")
    String col_rating();

    @Message("订单金额")
    String col_amount();

    @Message("剩余时限")
    String col_sla();

    @Message("创建时间")
    String col_opened();

    @Message("{#when r}{#is 'BAD'}差评{#is 'NEUTRAL'}中评{#is 'GOOD'}好评{#else}{r}{/when}")
    String rating(String r);

    @Message("{#when c}{#is 'firstContact'}首次联系{#is 'resolution'}解决{#is 'handover'}交接{#else}—{/when}")
    String clock(String c);

    @Message("超时")
    String overdue();

    @Message("工单")
    String ticket_title();

    @Message("评价")
    String ticket_reviews();

    @Message("初评")
    String review_rating();

    @Message("当前评价")
    String review_current();

    @Message("文字仍为负面")
    String review_text_negative();

    @Message("追评/修改时间")
    String review_revised();

    @Message("买家")
    String ticket_buyer();

    @Message("手机")
    String buyer_phone();

    @Message("地区")
    String buyer_region();

    @Message("VIP 买家")
    String buyer_vip();

    @Message("买家备注")
    String buyer_notes();

    @Message("此前 {count} 次售后，挽回 {recovered} 次{#if unrecovered > 0}，未挽回 {unrecovered} 次{/if}"
            + "{#if compensations > 0}，已批补偿 {compensations} 次{/if}")
    String buyer_history(long count, long recovered, long unrecovered, long compensations);

    @Message("此前无售后记录")
    String buyer_history_none();

    @Message("联系计划")
    String ticket_plan();

    @Message("{#if online}买家在线{#else}买家不在线{/if}")
    String plan_online(boolean online);

    @Message("今日已致电 {calls} 次，还可致电 {left} 次")
    String plan_calls(long calls, long left);

    @Message("建议联系时间")
    String plan_window();

    @Message("联系记录")
    String ticket_contacts();

    @Message("暂无联系记录。")
    String contacts_empty();

    @Message("记录一次联系")
    String contact_log();

    @Message("渠道")
    String contact_channel();

    @Message("{#when c}{#is 'PHONE'}电话{#is 'IM'}旺旺{#is 'SMS'}短信{#else}{c}{/when}")
    String channel(String c);

    @Message("结果")
    String contact_outcome();

    @Message(
            "{#when o}{#is 'REACHED'}已联系上{#is 'NO_ANSWER'}无人接听{#is 'REFUSED'}拒绝沟通{#is 'AGREED_TO_REVISE'}同意修改评价{#else}{o}{/when}")
    String contact_result(String o);

    @Message("沟通内容")
    String contact_note();

    @Message("买家性格备注（下次联系时可见）")
    String contact_buyer_note();

    @Message("保存联系记录")
    String contact_submit();

    @Message("结案")
    String resolve();

    @Message("结案方式")
    String resolve_outcome();

    @Message(
            "{#when o}{#is 'RECOVERED'}已挽回{#is 'EXPLAINED'}已解释{#is 'UNRECOVERED'}未挽回{#is 'CANCELLED'}取消{#else}{o}{/when}")
    String outcome(String o);

    @Message("原因（未挽回时必填）")
    String resolve_reason();

    @Message("确认结案")
    String resolve_submit();

    @Message("升级记录")
    String ticket_escalations();

    @Message("补偿")
    String ticket_compensations();

    @Message("状态")
    String ticket_status();

    @Message("{#when s}{#is 'WAITING'}排队中{#is 'ASSIGNED'}处理中{#is 'CLOSED'}已结案{#else}{s}{/when}")
    String ticket_state(String s);

    @Message("操作未完成：{detail}")
    String error(String detail);

    @Message("已保存。")
    String saved();

    @Message("返回我的工作台")
    String back_to_desk();

    @Message("补偿方案")
    String comp_title();

    @Message("补偿用于解决买家反映的问题（商品、运费、延误等），不以修改或删除评价为条件；是否修改评价由买家在问题解决后自行决定。")
    String comp_rule();

    @Message("方案")
    String comp_option();

    @Message("店铺成本")
    String comp_cost();

    @Message("补偿阶梯")
    String comp_step();

    @Message("审批")
    String comp_authority();

    @Message("操作")
    String comp_action();

    @Message("建议先提")
    String comp_recommended();

    @Message("在您的权限内，立即批准")
    String comp_within();

    @Message("申请")
    String comp_request();

    @Message("已申请的补偿")
    String comp_requested();

    @Message("暂无法报价：{detail}")
    String comp_quote_error(String detail);

    @Message("暂无法读取补偿记录：{detail}")
    String comp_list_error(String detail);

    @Message(
            "{#when s}{#is 'APPROVED'}补偿已批准。{#is 'PAID'}补偿已发放。{#is 'PENDING'}已提交，等待审批。{#is 'REJECTED'}补偿申请被驳回。{#else}{s}{/when}")
    String comp_result(String s);

    @Message("{#when s}{#is 'APPROVED'}已批准{#is 'PAID'}已发放{#is 'PENDING'}待审批{#is 'REJECTED'}已驳回{#else}{s}{/when}")
    String comp_status(String s);

    @Message(
            "{#when t}{#is 'EXPLAIN'}解释说明{#is 'ROUND_OFF'}抹零{#is 'COUPON'}优惠券{#is 'PARTIAL_REFUND'}部分退款{#is 'GIFT_NEXT_ORDER'}下单赠品{#is 'FREE_SHIPPING_NEXT_ORDER'}下单包邮{#is 'RETURN_FOR_REFUND'}退货退款{#is 'FREE_RESEND'}免费重发{#is 'FULL_REFUND_NO_RETURN'}仅退款（不退货）{#else}{t}{/when}")
    String comp_type(String t);

    @Message(
            "第 {step} 级 · {#when name}{#is 'EXPLAIN'}解释{#is 'COUPON'}优惠券{#is 'PARTIAL_REFUND'}部分退款/其他补偿{#is 'FREE_RESEND'}免费重发{#is 'FULL_REFUND'}全额退款{#else}{name}{/when}")
    String ladder(int step, String name);

    @Message(
            "{#when b}{#is 'ABOVE_AUTHORITY'}超出申请人权限，需主管审批{#is 'ORDER_UNKNOWN'}订单信息未到，需经理审批{#is 'SUSPECTED_PROFESSIONAL'}疑似职业差评师，需审批{#is 'DAILY_COUNT_USED'}今日次数已用完，需审批{#is 'ABOVE_CEILING'}超出本单上限，需审批{#is 'QUALITY_LATE_OR_WORN'}超出退换期或已使用，需主管决定{#else}需审批{/when}")
    String approval_because(String b);

    @Message("结果统计")
    String nav_results();

    @Message("挽回结果")
    String res_title();

    @Message("统计期间")
    String res_period();

    @Message("开始日期")
    String res_from();

    @Message("结束日期")
    String res_to();

    @Message("查看")
    String res_show();

    @Message("最近 7 天")
    String res_last7();

    @Message("日期按店铺时区（{zone}）计；评价按买家写评价的日期计，结果按结案日期计，补偿按批准日期计。")
    String res_zone(String zone);

    @Message("无法读取结果：{detail}")
    String res_error(String detail);

    @Message("{from} 至 {to} 期间没有收到中差评，也没有挽回记录。")
    String res_empty(String from, String to);

    @Message("{from} 至 {to}：收到中差评 {reviewsIn} 条，已挽回 {recovered} 条，补偿支出 {paid}，挽回价值 {value}。")
    String res_summary(String from, String to, long reviewsIn, long recovered, String paid, String value);

    @Message("每日收到的中差评与挽回数")
    String res_chart();

    @Message("柱状图：{from} 至 {to} 每天收到的中差评（{reviewsIn} 条）与挽回（{recovered} 条），最多一天 {max} 条。各日数字见下方“按日”表格。")
    String res_chart_desc(String from, String to, long reviewsIn, long recovered, long max);

    @Message("{day}：收到中差评 {reviewsIn} 条，挽回 {recovered} 条")
    String res_bar(String day, long reviewsIn, long recovered);

    @Message("收到中差评")
    String res_in();

    @Message("已挽回")
    String res_recovered();

    @Message("按日")
    String res_per_day();

    @Message("按客服")
    String res_per_agent();

    @Message("按商品")
    String res_per_product();

    @Message("评价到达时尚未分配客服，所以中差评数不按客服统计；客服的数字是其结案的工单和申请的补偿。")
    String res_agents_note();

    @Message("本期无记录。")
    String res_none();

    @Message("日期")
    String col_day();

    @Message("客服")
    String col_agent();

    @Message("商品（SKU）")
    String col_product();

    @Message("差评")
    String col_bad();

    @Message("中评")
    String col_neutral();

    @Message("已挽回")
    String col_recovered();

    @Message("未挽回")
    String col_unrecovered();

    @Message("首次联系用时（中位 / 90%）")
    String col_first_contact();

    @Message("补偿支出")
    String col_paid();

    @Message("每次挽回成本")
    String col_cost_per_recovery();

    @Message("挽回价值")
    String col_value();

    @Message("合计")
    String col_total();

    @Message("主管工作台")
    String nav_supervision();

    @Message("主管工作台")
    String sup_title();

    @Message("{#when d}{#is 'approved'}已批准。{#is 'rejected'}已驳回。{#is 'reassigned'}工单已转派。{#else}已保存。{/when}")
    String sup_done(String d);

    @Message("待审批补偿")
    String sup_approvals();

    @Message("暂无待审批的补偿。")
    String sup_approvals_empty();

    @Message("申请人")
    String sup_requester();

    @Message("审批意见（驳回时必填）")
    String sup_comment();

    @Message("批准")
    String sup_approve();

    @Message("驳回")
    String sup_reject();

    @Message("排队中的工单（按所需级别）")
    String sup_queue();

    @Message("暂无排队的工单。")
    String sup_queue_empty();

    @Message(
            "{#when t}{#is 'PRE_SALES'}售前{#is 'IN_SALES'}售中{#is 'AFTER_SALES'}售后{#is 'REVIEW_RECOVERY'}中差评{#is 'SUPERVISOR'}主管{#is 'MANAGER'}经理{#else}{t}{/when}")
    String tier(String t);

    @Message("转派")
    String sup_move();

    @Message("订单 {order} 转派给")
    String sup_move_to(String order);

    @Message("客服（状态与负载）")
    String sup_agents();

    @Message("暂无客服。")
    String sup_agents_empty();

    @Message("客服")
    String sup_agent();

    @Message("级别")
    String sup_tier();

    @Message("处理中 / 上限")
    String sup_load();

    @Message("超时与升级")
    String sup_breaches();

    @Message("暂无超时工单。")
    String sup_breaches_empty();

    @Message("超时时限")
    String sup_clock();

    @Message("未分配")
    String sup_nobody();

    @Message("处理中的工单")
    String sup_tickets();

    @Message("无权访问")
    String forbidden_title();

    @Message("此页面仅供主管和经理使用。您的账号没有该权限。")
    String forbidden_text();

    @Message("在线状态")
    String sup_presence();

    @Message("投诉原因")
    String review_reasons();

    @Message("主要")
    String review_main();

    @Message(
            "{#when r}{#is 'QUALITY_DAMAGE'}质量问题/破损{#is 'SIZE_FIT'}尺码不合{#is 'NOT_AS_DESCRIBED'}与描述不符{#is 'COLOUR_DIFFERENCE'}色差{#is 'MISSING_ITEM'}少件/漏发{#is 'PARCEL_DAMAGED'}包裹破损{#is 'SLOW_SHIPPING'}发货/物流慢{#is 'COURIER_CONDUCT'}快递员态度{#is 'SERVICE_ATTITUDE'}客服态度{#is 'PRICE'}价格{#is 'OTHER'}其他{#else}{r}{/when}")
    String reason(String r);

    @Message("店铺评分（DSR）")
    String review_dsr();

    @Message("描述相符 {d} · 服务态度 {s} · 物流服务 {l}")
    String dsr_scores(int d, int s, int l);

    @Message("称重核对（少件/漏发）")
    String weight_title();

    @Message("买家反映少件：物流系统按发货单和快递各站的称重判断。")
    String weight_hint();

    @Message("暂无法读取物流信息：{detail}")
    String weight_error(String detail);

    @Message(
            "{#when v}{#is 'SHORT_SHIPPED'}仓库漏发（发货单标记缺货）：退款或补发{#is 'DAMAGED_PARCEL'}包裹破损少件：直接退款，可向快递索赔{#is 'LOST_IN_TRANSIT'}运输途中丢失：向快递索赔{#is 'CLAIM_NOT_SUPPORTED'}重量一致且已全部发货：少件不成立{#is 'INCONCLUSIVE'}证据不足，无法判断{#else}{v}{/when}")
    String weight_verdict(String v);

    @Message("最近一次核对")
    String weight_latest();

    @Message("发货重量")
    String weight_origin();

    @Message("末站重量")
    String weight_last();

    @Message("缺件重量")
    String weight_missing();

    @Message("容差")
    String weight_tolerance();

    @Message("依据")
    String weight_evidence();

    @Message("核对时间")
    String weight_checked();

    @Message("可向快递索赔")
    String weight_claimable();

    @Message("未知")
    String weight_unknown();

    @Message("尚未做过称重核对。")
    String weight_none_yet();

    @Message("物流系统中没有此订单的发货记录，也没有快递扫描，无法称重核对。")
    String weight_no_shipment();

    @Message("暂无此包裹的快递扫描记录。")
    String weight_no_scans();

    @Message("发货")
    String weight_shipment();

    @Message("申报重量（发货时）")
    String weight_declared();

    @Message("快递扫描")
    String weight_scans();

    @Message("时间")
    String scan_time();

    @Message("站点")
    String scan_station();

    @Message("状态")
    String scan_status();

    @Message("重量")
    String scan_weight();

    @Message("包裹到货时已破损")
    String weight_damaged();

    @Message("按快递称重核对此商品")
    String weight_submit();
}
