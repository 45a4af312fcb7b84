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
}
