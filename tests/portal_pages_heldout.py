"""Portal-like pages written after the HTML extractor was designed, and never used to tune it: the
extractor comparison (eval/html_extractors.py) reports on these. Other portal families than
portal_pages.py: a Shanghai-style #ivs_content page, a TRS_UEDITOR page, an ASP.NET form page with an
unknown container (density fallback), a WeChat-style #js_content article, a Beijing-style page whose
label block is a definition list."""

from __future__ import annotations

from portal_pages import ACCESS, FOOTER, NAV, RELATED, SCRIPT, SHARE, STYLE, Page


def _page(head: str, body: str, site: str) -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}{STYLE}{SCRIPT}</head><body>{ACCESS}"
            f"<div id='header'>{NAV}</div>{body}{FOOTER.format(site=site)}{SCRIPT}</body></html>")


def shanghai() -> Page:
    title = "上海市民政局关于做好2024年度老年综合津贴发放工作的通知"
    head = f"<meta name='ArticleTitle' content='{title}'><meta name='PubDate' content='2024-02-20 09:30'>"
    body = f"""<div class="Article-title"><h2>{title}</h2></div>
<div class="Article-time">发布时间：2024-02-20　来源：上海市民政局</div>
<div id="ivs_content" class="Article_content">
<p>各区民政局：</p>
<p>为做好2024年度老年综合津贴发放工作，现将有关事项通知如下：</p>
<p><strong>一、发放对象</strong></p>
<p>具有本市户籍、年满65周岁及以上的老年人。</p>
<p><strong>二、发放标准</strong></p>
<p>65-69周岁每人每月75元；70-79周岁每人每月150元；80-89周岁每人每月180元。</p>
<p style="text-align:right">上海市民政局</p><p style="text-align:right">2024年2月18日</p>
</div>{SHARE}{RELATED}"""
    return Page("shanghai.html", _page(head, body, "上海市民政局"), title,
                ["具有本市户籍、年满65周岁及以上的老年人", "70-79周岁每人每月150元"],
                {"issuer": "上海市民政局", "date": "2024-02-18", "province": "上海市"},
                headings=["一、发放对象", "二、发放标准"])


def trs_ueditor() -> Page:
    title = "杭州市民政局2023年工作总结"
    head = f"<meta name='ArticleTitle' content='{title}'><meta name='ContentSource' content='杭州市民政局'>"
    body = f"""<div class="detail"><div class="detail-title">{title}</div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">
<p>　　2023年，市民政局坚持以人民为中心，各项工作取得新成效。</p>
<p>　　<span style="font-family:黑体">一、养老服务提质扩面</span></p>
<p>　　<span style="font-family:楷体_GB2312">（一）老年食堂全覆盖。</span>全市建成老年食堂1200家，实现乡镇（街道）全覆盖。</p>
<p>　　<span style="font-family:楷体_GB2312">（二）家庭养老床位。</span>新增家庭养老床位3000张。</p>
<p class="insertfileTag"><a href="./P0202401.pdf">附件：2023年民政重点工作完成情况表.pdf</a></p>
</div></div>{SHARE}"""
    return Page("trs_ueditor.html", _page(head, body, "杭州市民政局"), title,
                ["全市建成老年食堂1200家", "新增家庭养老床位3000张"],
                {"issuer": "杭州市民政局", "city": "杭州市"},
                headings=["一、养老服务提质扩面", "（一）老年食堂全覆盖", "（二）家庭养老床位"])


def aspnet_form() -> Page:
    title = "温州市殡葬改革三年行动计划"
    body = f"""<form id="form1" method="post" action="./Detail.aspx?id=1024">
<input type="hidden" name="__VIEWSTATE" value="dDwtMTY4NzU0ODI0ODs7Pg==">
<div class="wrap"><div class="left-menu"><ul><li><a href="#">机构概况</a></li><li><a href="#">政策文件</a></li>
<li><a href="#">办事指南</a></li></ul></div>
<div class="xl-main"><div class="xl-bt">{title}</div>
<div class="xl-info">发布日期：2023-09-12　点击数：356</div>
<div class="xl-nr">
<p>为深化殡葬改革，推进移风易俗，制定本行动计划。</p>
<p>一、工作目标</p>
<p>到2025年，全市节地生态安葬率达到70%以上，公益性骨灰堂实现乡镇全覆盖。</p>
<p>二、主要任务</p>
<p>（一）推进殡葬设施建设。新建改建公益性公墓50个。</p>
<p>（二）倡导文明节俭治丧。将治丧简办纳入村规民约。</p>
<p>温州市民政局</p><p>2023年9月10日</p>
</div></div></div></form>"""
    return Page("aspnet_form.html", _page(f"<title>{title}_温州市民政局</title>", body, "温州市民政局"), title,
                ["全市节地生态安葬率达到70%以上", "新建改建公益性公墓50个", "将治丧简办纳入村规民约"],
                {"issuer": "温州市民政局", "date": "2023-09-10", "published_date": "2023-09-12", "city": "温州市"},
                headings=["一、工作目标", "二、主要任务", "（一）推进殡葬设施建设", "（二）倡导文明节俭治丧"])


def wechat() -> Page:
    title = "衢州民政：全面推进“一老一小”服务"
    body = f"""<div class="rich_media"><h1 class="rich_media_title">{title}</h1>
<div class="rich_media_meta_list"><span>衢州民政</span> <em>2024-05-06 18:00</em></div>
<div class="rich_media_content" id="js_content">
<section><p><span>近日，衢州市民政局召开全市“一老一小”服务推进会。</span></p></section>
<section><p><strong><span>1.扩大普惠托育供给</span></strong></p>
<p><span>全市每千人口拥有3岁以下婴幼儿托位数达到4.5个。</span></p></section>
<section><p><strong><span>2.提升居家养老服务</span></strong></p>
<p><span>为8000名失能老人提供上门照护服务。</span></p></section>
</div></div><div class="qr_code_pc">微信扫一扫关注该公众号</div>"""
    return Page("wechat.html", _page("", body, "衢州民政"), title,
                ["全市每千人口拥有3岁以下婴幼儿托位数达到4.5个", "为8000名失能老人提供上门照护服务"],
                {"city": "衢州市"}, headings=["1.扩大普惠托育供给", "2.提升居家养老服务"])


def beijing_dl() -> Page:
    title = "北京市民政局关于调整城乡低保标准的通知"
    head = f"<meta name='ArticleTitle' content='{title}'><meta name='PubDate' content='2023-08-30'>"
    body = f"""<div class="container"><div class="xxgk-info"><dl>
<dt>成文日期：</dt><dd>2023年8月25日</dd><dt>发文字号：</dt><dd>京民社救发〔2023〕120号</dd>
<dt>发文机构：</dt><dd>北京市民政局</dd><dt>实施日期：</dt><dd>2023年9月1日</dd></dl></div>
<div class="mainTextBox"><h1>{title}</h1><div id="mainText">
<p>各区民政局：</p>
<p>经市政府同意，自2023年9月1日起，本市城乡低保标准由每人每月1395元调整为1420元。</p>
<p>特此通知。</p><p>北京市民政局</p><p>2023年8月25日</p></div></div></div>{RELATED}"""
    return Page("beijing_dl.html", _page(head, body, "北京市民政局"), title,
                ["本市城乡低保标准由每人每月1395元调整为1420元"],
                {"doc_number": "京民社救发〔2023〕120号", "written_date": "2023-08-25", "effective_date": "2023-09-01",
                 "date": "2023-08-25", "province": "北京市"})


def heldout_pages() -> list[Page]:
    return [shanghai(), trs_ueditor(), aspnet_form(), wechat(), beijing_dl()]
