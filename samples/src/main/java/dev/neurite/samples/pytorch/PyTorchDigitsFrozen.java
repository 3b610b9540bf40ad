// Frozen by Neurite from digits_pytorch.nrt. Do not edit.
package dev.neurite.samples.pytorch;

/**
 * The trained network {@code PyTorchDigits} (64-32-10 relu, softmax), frozen by Neurite: its inference with its weights inside.
 *
 * <p>From the model file {@code digits_pytorch.nrt}, SHA-256 {@code 035506f2b0600bdd8f385d46825b70d232a3da1044798fc76ed83c77d39f54a8}: 2410 parameters in float precision.
 *
 * <p>Needs nothing outside {@code java.*}, runs on Java 8, allocates nothing per call. Not thread-safe: an instance's scratch arrays serve one call at a time; use one instance per thread (the weights are shared).
 */
public final class PyTorchDigitsFrozen {
  /**
   * The number of inputs of one sample.
   */
  public static final int INPUTS = 64;

  /**
   * The number of outputs of one sample.
   */
  public static final int OUTPUTS = 10;

  /**
   * The number of trained parameters inside.
   */
  public static final int PARAMETERS = 2410;

  /**
   * Layer 1's weights, one array per input: wt1[i][o] weights input i in unit o.
   */
  private static final float[][] wt1;

  /**
   * Layer 1's biases.
   */
  private static final float[] b1;

  /**
   * Layer 2's weights, one array per input: wt2[i][o] weights input i in unit o.
   */
  private static final float[][] wt2;

  /**
   * Layer 2's biases.
   */
  private static final float[] b2;

  static {
    float[] p = new float[PARAMETERS];
    decodeFloats("nZFl~j}WmDK}s[lONgAEzzzkF[w}FjNBN{`JaryYhLY}qw\\nnvUf|jxCaH{|OSPfNcTkZjx[oti}dSUoNvDCOJs~r|A}p`ayNfyJHr}VRy[}QmHPNqJblrphphg}`zJqnv\\sHbzawx[~WV?gNLOXeRzSvig~Ty\\HN|HE^Rvlfmc|kGxwnslCkRylEeM}geHjn\\Z_{r|ulsW~^ax\\nNPREBy~wII}ti}anto_Zzpwmii}eQdknoRUyJ|snSm}Z_SWNV]w?bxhvS}}HulCNl_K`ZvNAFa~S_h\\nvhdob}Ftbi}I?gMn}lWWr{RWt}zx_OvnkRQ|byv__W~Jf^]NxYsJzu[~^i~FhBON`x^wzylZ\\[xWX[angW`KJ{B]CU}^{uBNuz?vj{TvKCy`aljN_I}@z|x`Fw|l|YSnUIVDjxoXq[~WF?@NqQGUr}E_Ng~VnbanwLIrrwwuha}ELYvNjZoab{UFvo~lh`BNwOtyB}JOse}FrsVnSWKvbw|ypk~BD]YNW^afBy@iX_~VWwcn?dTSJ{{~tw}jOGUNy\\mDbsiOnA}REh\\Ndqqnr{JEii}zcRzNMLM|r|kfs[~bR\\fNlsBjZy}Rn]|rx_wN`xW_j{JVes|Jwo{NnXfXz{]d|a~SxGpncvQMJ|FkDs|dClTNqhY[rxFZgw}jvxfnuD\\BZ|H^Ui|I^g{nKDZ^zwZzRY}H^egn_RX~Jt~kvI}@PTMNWNfFJv_lsG|?~xun[?DmjqDPTIzt\\x^n`plAZu_\\JU{M\\??nUp|IJuXk_{{xVmZn]_DiZuHyQs|CSF]muXdBjtdu{A{i|CwnYJaMjszaUa|b}tIN?DTcZwWJ{E|oNc{nOHJuJlbq{A|][fwna|Erjsg|_Q|_]m?NHNH{juy}vC|zLl{NI~BiBq_tCQ}MoO@nbh\\mjtmpUQ|F^qun\\SynRvuP[y|WgC?nR^YnRtELJQ|pdxQNUb{yjvSqJw{WwNznZ_jAjtL?cAxusW?NU@JIjvxefCzi^XvnZ_VMJuLE|i{kSkwNZOZmC?L]{[~bcoKN?CvPRzK\\pg~b]qVNwR|uJxbmI]~QqhaNktrnR{hWLK}~siVNwf?dJwBxZo|cmqcn^WHyj{ngc_|cWYZndN?iZ{pJgi}Fyscnw}^rZz@[\\y~@oQcnuBd|z{x\\}m~GkJZnwsabbu?`kI}ge{{nrFuzJxS@zG|n~PGNkbIKjv]BTQ}ULwJNisI|JuBYOq}nGUENTLHwJw}Zbq}e|KJnW~kQb|ZZrS|ioSknYnoMzzkGhq}qYFjNWEFmJwcTvk}p]u{Nivukbzo]oC}f~uend]zzB}Mkvc|c~iiO@EuqB|A}Rk}yhfUNeCFyjvbiU?}TvlMNtVIGZrepo_|cNlRNUzXNBvd~ra}e?HhnwurBZ{K@QW}~P?cNcmqeryj~s_}@qE\\nTjDDZwLUkY}B`CBncdlEbynfBI}hHCwnhIXnR{tn\\{}K^rRnbE|CR{QgKw~GRJTNsMlrR{ddjK}XbSaNpOtQJyejBi~C@n[Nv`xBB}j@Zc}{mRZNXG?ib}?{C?}lUCaN_ottZui_Uw}ay_HNseZJbrqSP?|eskUNy}iSR}ROIC~tAo~nT{qbZy[b]o~GOQRNpfCSBwOBbG~Q[vbNmRVAb{hPla}DBJ^ncE|~Bl}Ruy~OeuiNab\\AjxQVNE}htr\\nfpJbbsQ_YA|WVpANfCoMzwG{Lk|VTVGndhRpjsuNLE{h^WKmeJB~Zu~ADezfxkZNO|tyJvZtny|clG}na~PXRp[bCM}NLtDMp?ZXJw_RGC{Qb`yN[JNtJqe}_u|mC\\BnbJwQjsoWDA|sZ}?n]~waRsTWki|uCmUnO?WAjuBOYI|RJePmxL^?JvtuRe|`aFcnLQo]Js@bEOybhj?neRtAzwPlAe}Jo{jNE{NgjuUSlq|JxOOnYiMQjuhPny{RBgmndM\\AzqcCAu{^vq[nQLgqBenwMW|nPoenPp`uZsu`TQ|QLKznHmECZvtvs]}DNj]nQNtoRvFw?a|fvsqMu]~|ZvraXe}CSfjn^TlTJribri|y[kinQxqGJxNo`a~DaprNu__Ob|F|si}ueYuNNdDabv@qeq~Q^ssNp|G}rvGxtO}~Y\\|NqEUCRyhaeG~P\\q[nbpZRJ|WbTq}bcDGnisTvjyl``C}EB{tNvzp~B|]`Tq~REvYn\\ZP}ZvrnSA}cZkzm|J~[JxO[{?~F?|fmzYX{z|B?O]|\\YJkNNpGqzrHGE?}Oty{npNtEJtTG}a~LbS[NG~kkJx\\^IM}g@ceNpummJ}RnQ}~?]kXnYt\\KruIGDg}ZAaenXowRJ{ZgZo}rp|wNa}pHBrB[fO}nNTvNut|Mz|IbOs|}_LXn[OnnZu^|So}c?CENf_rYByH|i_~FKZUnidl|Jt~~Eq|ljrAn]migzuMoDi|]Je{nN`cHzuyZYm{C[\\TNLXteJwE|TO{}\\RanbHHTjvdMM}|hHHLNG`U_rt\\|?a|{FxUNO~NrZtUlHq|]mBWnM}fDZv^[PA|x|R~nQU_TJvl{ei|hGHlnXARbzrEhSu{XGyxn`E{~ZvvwNS{z]QoN^EpMJvxub]|GrtmNLdnlZuFFNq}QCFhnaviEbvjxj?{H~gonW{lnzwpNPU{MLbhnbxo[zs@_FM{MpH?n?]icJtS[pq{ZvWTncEX`JwHlN}{Ciq@nVHZurwJS~U|Qlhdn[BLOjuQKPi|bJFNnFYLDjsNjbU{XdF_NWuBLJvqe@i|C\\HonaKa|bjkfnI|mJDwn\\A}uJqU|DC{PDuFn`xywJutTzA}D[?oNJQPOzxFVQQ|eoOknbVKVJx?JdA}NEkqNW]~HjwGf]Y}D?v\\nAMg]ZqbQQ}|yA@fn\\K@xRmz?UA{_EBwnIyXIz`ZPIm}MNivnbRkEJstbqQzwGbSn\\b|@BvtBLI|exdUnbM\\_zswMmY}VZwRN?HWxzxVV@M|xw]snWkqNBu`zvi}@ztfnX{ZkBtRxfo{OWJANCz[dBqC__?|kLbgMzZUTzwUQlU|y`qTn@^EojurUra}JccONXTmqZrKIjA}LMaPnYsEwRrDBH}{?@w{NHrX|jwBHJG|BowuN\\UbzbubpGs{nbgTnXIiCZqFFh[y@UPRN@J?yjwMR~i|`hvWna[mBbqTJ@{yzwLgnXI}LjwTpS]|eyaNnaV`NJvIQ{i{aDIvndCHpBq{Mve|jkiJnRG{hJs\\TL_z|lDtn[|MfZqOpCM}SW[oNO^knZpkyQe}UMQon^JZfbsNiWA|gtZmNNLcuZlaYrQ}C\\BQnP`}bjuDkGW|H|RNN[YmwbuFJLi}KD}gn[\\YhJvdz{m}ViLBnFM{Qjunu`{|W^XRm]]m?JuVUNy|GIXbnP@roJuYENA|y`EMnL~{WRuHE?K{FEd_NZrWgjtPrigzT|HjMjsBqBrBu}G}Kfn|nZkvZzs^Qw_}QNo@ngL~sb{GChC~M?^oNimDor|OUX]}Wivhnv]xYrz|FIW}b^HwN]s\\RjwQ_fm|jaldNgdGOZtanMI~Vz~dNeYwdzvZYr]|dmALNnbXURzOLV}|nCz]nkBg^BsiHXO~ZwobNbYCRBySbsS~HgMNnW[BiruD@Wq~BzZMnZgy_j}XvUe}tOewng?KMjy}swC}cPklNtF^UruIoxI|nYoznukogk?GQtB?JW|tnsx?\\R{TbS_}jtXQno?YdZxcTSY|PUolNcwgEjln?XC|rUoyN[^@yB{_PWg}faz_nA@LDJ{lpxC~NdGNNnZYjBmJGA{}d\\KENgP]WjzLeNo|JkGSNRqF~BzqnhW}jVqPNeQK^j|vRao}yAeDNkTOKr|WW^?~QFEONj][ibzCK^y}c^MgNfKk_by?XWc~OgepNtU^hbwb\\US~Cl`Mn\\|i}z{x`yG~[@chNbiWFr{qF^c~YuPDNvOuUR{~u_]|[tSonliqdrxtwaC}~oFnNjNGzZr^O~?}lWXVnYrovZ{iILQ~BdglNiFNNR{YB]O|qzdgNj[`zrwYlqy}LgGwnppzurxah_{}kZG{NO_CrJxVJZo|mMUpNmbi@rsVUJ[}UYtBNf_\\TJ{YJTM~dtAJnjXn}zwjVeU~`_^yNmleVry?eO]}_^@Hnqj@]J~J?uu~Bp^mnVr|NJymLd}}cub`NwQHGr{KjHU}jJd{n|qc\\J{hIP]~JCe{NwMLRZvXYnE}_~laNtL\\HR{HNz}~LCyxnryuMj|fdkW}gJp^nYLmfJqTQ\\c}x_fhNyPIOb}LPxI}zZ}Fnwx~zZyQwWm}wz~xnmkqRz}m[Gg}ulUBNqlVMZyYeGa{hVgWn^d?]zvzk@y}HLEsnqP?azysWWu~cNXhNULYUJz@oQW}t`HmNszk}ByMMWq}xosqnphaAZ{i_iU|wct^m}E^vbue~VS}oT_dNlrIoR{p`p[}tE^vNdGg`R|aLLk}`@WrNjjZBZy{Jgw}aLc|Nkmn^BuysUS~F]{}NyF|NZvCr|A~n`wDnPFetbxrnfe|oKt~NhbWurwDqXU}Ot|FNwX[~zwwDZQ{fPGmNH`DQz|N]Bg}hhGUNoilIrrMtOW~Umf\\NajsUBzWQ}o~azERNi~rIr|HJT[|ydOGnbJ{HJ{RANA|UKjWNnb[NR~TT`O~KG`aNhEG^ZxD{Te}fTTXNHgfiJ}MbaW}cJNCNwfnobsw]lY}Li_rnz`~vJv@w_A|cwY]ntFARzzWCcA~\\N]Hng{`qBvSisI~DA^{nfAtnzwory?|YKBsN_Kiaz}X}bi~HrSAnd]C[Bwovp[}yDJSniJI`J}aCoq}R[F?NkaFFR{XAFW}OllnnpHaGzxpmBk|IUeON\\oq~BryPl_|`vBsNOWvfJu\\zkw|N\\ocM|Lq_JsxzI?|e?|MNKmgkBvHvsi{j`u?n\\]vGBqF@r?|~RT_nWWtAJvZH?I|j?Oen]ZkcBv]JDI|{^xCNCBt{BvFcl?|GmJSnSP^wJupy[q|jbP_nGJ|sJu@YIy|iZUKnR{B|JsCPWA|\\`\\CnYfF]jvXPba|jAUCnZokEBq~t`AzyQC?N\\\\qvju?IS_|wS_[nZX\\rBm`YmA|M[IgNPkD@Jvbb@w{DCHOnYaf^JvJ`?i|iulmNOECtBv{\\JQ|efq}NUA~HJuHUmG{bnZWnUOUyJuLWSI|[hTknUtd?Bvzjp_|_tGynQL^\\BvY{UO}nzDWNapcOjvTRNg~EZdTNe[dnBwjSI_}|UNvnhOYDju``PI|af]NNq_NSbx@I^q}i`pZNhDCTRzD~ZuyE{_NnmnQDbzSXis~VwqXNjrdFBwzLX{}MbU\\nhctPzzj^Sg}K`r@nicobbz@RLg}b{skNtIr\\jtSjnI|UY[CNZbvAbwiCgK|yHZzNszZrR{CLYA}JrfRM|j|GBy]n{?}zvconiDacr{`|bw~ASCGnZ^MLZ{scny}hth^NbPuBrzxTEM}af{pNZBf|JvjObI~PN~\\nfzwKr|j@e]}D`ORnlpnARuGC[e}P[XznIkMXZyTWb[|UnikNosfPrsnMeo~LsVSNn|gUzxQ`oa|bHyaNyNYGBzdqtY~afpKNvc~uz}~`Um}ieGENj[[arvXYLC}vCZkn]IoSjzlihK~Le][n[lU}ZuYuI{~NwOCnpg~qj}\\Oda~_f]SnsCZIJ|K}DC}aZdPNaz]Wb{?xp?}`Ac~n^RNFj}PKOi}bUtRN^a}xb{RYjc~Mbs@N_HJxzqaWMo}hsh_NrA]krm_^[A}V]non{JV\\B{BMEC{~VwsNhu]jB{JK\\S~FJlON_}MEZxINlY~xmMVNaaAyjl~?FG|FO[~NZoeUjyMhEc}}^C|n[ctuRzEzKc{lG[TNjVdbruCbuo}BgzpnkwULZsmfLo{wdk?nhQogjzZ}Lu|bNSNNQgOgrqL@bs|ebG}Nlo}wB}AcTY}HnFINQIo_rwXi]i~C^llNbselryd~bs}c~OZNw\\|GjxO{hi~Ht\\\\NPV[RzqGLMu|rDtPN\\aiIByaqTW~c@AznhsChrxDd}k~_l{ONqLj^JuNUS{{ibGynO?LArs_ep?~XPnrNnnsIr{pmbk~_LT~NhG?xB|EOlM|y{W}NhV_Yb{WU@g}sHGRnYXWXr}GuGG~H[v?NsjSybvjEQ}|p@{kN`q}@Rt_MwY~ArVjnrPgXJ{NqNO~DqZHN_ZFhjwpBiI~WCi}noa_tJzT\\O]{TCs}niZn?JwKdJU}`vk~NVsXrJzcv[g~@peKnPQ}{rsHCHs|n`T]No^FJBxZxAO~c{AINgjUjBxe}oS|v\\DQnaFL@ZyF\\UI}_jIcNqDB]b|\\l[G}`JeiNpLmDbzkA~C{hKf}NostAZyEGgq}bMVgNsWKWRw^DcW~]loRNsYBCRzGv_{~G|M\\Nk|}]zz{biW|bcZEnopCqbyo~Xw~BYluNmw^dbwrd_Q}j?ZEnRex@BzX}IC}Dd|`nU^dsRy`GZa}`^XBni}}EZyvzFi}yxNZnZr[Pb|?h]o{k\\AdnjyDMZ}LZsM~``tMnoEbKRwnbmy|wtNKnpc[WbvpEcQ}BURznb@xVJyhs{q~VFmlnduBpjqMuN_~CkvqNhWcwrsphtK}jiqznmy}QBvxzF[}_^kFNtM[~B|iTM{~UnJRNlaSlZynONg|CvWXNkUqbbyvdx?~K?VmNbcFjrwz[Py~E}tdnrCACrxRMpY}@U_CNppvvR|DBPG}~m_sNpXOArxYlqE}IECPnLrkHrtLmSy|rXDMnKMR]B{x_jc}Hde^NfddPbyo{pa|KzdqNpB|UrreBl_}eMi{NuhrwrrAWyy~?~JUNpaIbR|wBY?~Gj[HnoQRSbvADwG~MfGunjZceJyiXEy}LkOEnid^VjwSpz{~E~BhnTysWjxErRK}FAKwNjrAuzsXQPA~N}gzn{RnvJ{AhAi|RtswNXiDMzqhRhI}HNRNn`q[OjvWERa{@Gsin]hAXJssiSa|JB\\|nH]NZzu[cTU}L}~inZSZkzw?\\uM|xSMRNWDMpjtOHdI|Ce@inPXTYzwPv`E|l@Azn_J{uZvdtdG|qxbUNQ^LojvD|xm}BXkOnO_KxZsTxwa{bgdun[^jqjs~oZq{bExsnRIhHzwUoHM|}PgOnZjSSJrzobY{ss`oNMA|yBqy@NQ}CtFGnOPEbjuThmU|WeOUnUFIRbsaBLo|CjAsNH@vSBs`Jts|[JMgnBai]zvfyeK}FTRRnXVWSBmEa]A|z]a^nOqVezwVPMUzYRvhNGheKzvPOO{|DlKwnXy_kj|qQQa}t`jGnkKRrz{]hYq~FIVTnz\\vYbyVE@[~TXdxndwAnZzZZXE}{KdEnr_}Crxk_tQ}`myUN_|Qgb|QI~k}nqzKNqE?[RzBKvk}^VxDNhQ\\ZR{Ph~[~@NGWNtLu`zpHdZw}NxM~No|JWJzJRv{{u|ygNqtgzb{Cgwa{xOpwNorMWBwNZIK}ZzD\\Nr}hKZwrjAu}mbqfnKxjYByV]wG~iIswNx~`Lr~_mgw~ZhArNfFhJBzTwJS}}sUbNbJ@fr|giOS}dGSgn]tR{Jn|WBK}rqW`NiggaJ{XHe}}Z~qznbOxJj|}pIa}VNfrNptU{bs}koG}HzCENLS`?znVAO?~`{f[N^KdrztcqWO}hZFRNoeeyBzQcDW}lLyinoBtgb{fXxq}qETkn]QWZR}QDEq|i_ranjp}gRy\\PcQ}iA\\mno}qpZ|flRy}@cryNq}BdJz@EIi}Fz\\LNltqpb{zHtm~^d?|nXrrxz}LGj{}ZStSNW{}rR|?VfK}Z`v|Mmjm?B{gfiG}jzVNnmFQgr{\\tvk~beqXNzurgRvmIDg}NErqNxhfbRtzEJg~D|_iNsblVb{jlg_~ATaYnr]YhBpaD~[}waxgnppPYBwmHo[}`j_EnmeQvJ|C]]m~qTKenYl~HjvRyT_}jn^WnpJiFJwja`E~J_sXnW{Xkz{gAUK{ttbWNw`C}B{npz?}YWPCNewzYBy}bfC~ek^?ntY_GZ|mPRM~Fmd_NeF|Wr{@QRW||E~LnpmseJyXFD]{|mUgnvH]]jxKs]c~?em?Nfpuyj}e[ya~~NnGo@h]|jyVKnm~^`A{NrG}GrxHXWU~BA`Zn]FMczyxgt}~bPedn[GoRjueVuG|af_mNiUh\\ZwLy\\y~AwNDNlNcgR}qN`u|EF@GnjeJyz}d\\ag}mpCnNglI|Z{nue_|jEr`Nl{FkRzpLlo|gQ_|nxUWIb{VMgg~[GFjNsw_}b{`ctU}]SK^noG~YbxYn^W~Iz\\nNr|}]BzYfPC}Oi\\zNjanFZv~DXQ|_^bpN[Qj{Jyx^uE}TbKtNlp}[Bu?Bmq|IajrNjR@Kb|T\\eU}vnz{NcqOUzzFVUm}I]w|Ndw}LJu~}B]~Q@PvNhSByRvYuew|v_SynlnGQB{F\\jc~Iiy[NhPePzx~qd?}qL@ONp_bSrzPZA?}vQiqNF_q|bzKJIA{@NePNw]B^BzSXD]|sEiKnk]ZMrxN`dI}MPQTNgPHGr|QcDS~WW^NNKldCByNTso}\\pm^nvvSazwxCwS}W_KeNgxZaZxyDSA}kVXFnPMaXRxawcm|NwBfNfCfHBwCTlE~Ez?Qni^d[R|oxcA|bwWkn}]Qnbybj}I}kSjJnb`gHJsmf{K}qFrQNikMuRsArV_~@c`tNcWVebyxR|w~Bi\\tNwSfnZubjAI~@TyRnU|WPjxcEwc|QzRGNh}YPBymOOg~ABC}NnqnhZzXZWO}G@HYNczRcJw|mY]}TgGJnYGY~jy_J]Q}FEEanqKIpz|tqIc|rsbSnmCoxBzrR[w}DMPmnqnDDZ}CagA}RnpvNZn@cJudOfC|gaulNbUYEZxI_Fq}nxoHnvFgKzvQlEi}kPJRnxy`[JyIl{i~bON{nZV`\\RzEIMC}@d\\^nuRI_ZxHr~a~_bX_Ngvj|Zyr@AC~ESoLNxJNPr{f`H[}HIXON]x]WR}JW{G}oJ^HNuwYrB{KEWK}l|mkniKj_j|ABty{pOM?Nvz`wByLJKG~Au`fNqPK]byvuFy~MaWpnkFugRpOWJK~qZeINvIV{rvDuSQ}YSWgNoPYir{c`a]}kRcwn^QDRRvvfTI}^Oz|ntrMwZ{ON`c|mXZRNbyteZvkyce|HkLgnl{dcJ|LK|U}FmxxnmmByzwbLkQ~Hpi]ndTnZZvw~vY}EIeBnp]K\\Bx?akU}[BfBnoNInZyGDbw|vnd[nf~V|jxmgO?}oM}PnlzMJJw|UIo~GDqsNsLbgrzKCyM{bCmKNbrliRznUh[}?~sQNOOTGR|eTP[}KSk|nvbnTRuvaAk~mZI}NoG`vb|Sdac}U`BHnfMSmjzwvKA~GKhcN]GS^b|FhAS~@_TpNvmYab{}BcS}}LIXNyFIpBr|nOm~WUe{NybM[b{uQu{~DMMSNuVCBzskoJ_~L]WONbTMHZ|\\r\\e}LU^VnolGuZ|RU\\S~[`QMNsrOJRxK[la}t@^Unp{{~Z|Q^zu}nKfQNZV]^R|K|O[}q@FBnOv?NJ{[yoQ|x`dUnqU~yzyDvd{}ow^pNhdqiJuMNG}~\\_HsN\\aZijuOxcq}iXhMnuqPJJ|NBVQ~IJNinoCIHZ|QgPy}YA?EN\\Pk~B{LK^K|hF_wNUnONJz]`WA}aBoGNrQxhR|hSe?}byqGNug`ub|SrrO}pP`\\NaArkBt^|So~IOyHNr~SRBtsqSA~Z_y`nnS|gZwbsY}~Cu_cNZzC^j|dW_W~?F[RnkqNJJz?T@]~Hft`nqEQeZyc]~k}JFtAni?dmrx@bp}~EEoQNrQoibyuZIC~AWLpNun_vZwXDIG}evurNuu]Ujw`IPw|vcqfnT{`WRzh@pc}WaHDnWUMrRyROZW~D?ygNJ`wgJyDVce}IPgmN`lrYR{mHEi}_zIdnptXbZv`Ang}jLyDNrp}JZxDlHo~bRfANpJdOZwdcTM~@zavNWMI}BxKuF_~kCaFnSAEoBvV?JW~O[?UNopNcR{NNKO~fbw^nOJR\\Jy_buu}kQDNnXSuNB{Moss~L|jUNwsZ\\b|}HRM|JwzGNQ[nnBxbcqU}BeUWnoT]HR{JxHA~D}FMnnDCWryLiRM~WYXMniGrajvHT}g~?UugNiZe~jzs@|E}qupmn_|xObuseZc}k?aUNs[~srywWRQ}pSG|nFbpAJyNa@A~TM}Snqiwwz{DHsm|gzx@ncHjnrtseF}~?}S`my^Tmjt^^^a}H}WCnZldoRviO~K|UYTeniU{[J|H[Ny{S?Xonew@KJ|tXm[~\\\\RkNzAsdBvnhfM}kZohnoQUFryPfKm|a?LZnqc[Gb{?g@_|~rJyNorzsr|?CRW|x]soNtiNTRr}LxS~ar@unmVyIRy^c}k}uHr\\Novr}rzmkbS~KNSJN[NxqBwzlr}~IVf?nWMKWB{meS[|@]ssnrK_yBuhKJ[}gnM_NvP\\LBulawa}?iiTNYUyJbwufZC~_@vAnhABmByUs~a}b\\ZxnrLpVZ}ss~U|lrvTneFo~B}FV@Q}Fw{MnF?[Lz}eYNq~a@XrnZ[QiBym|[E}K}ILnqH`kZz_[ky|wrI{nojQXz{X}_S~fTYHNuztAZutPLm~Z}CcNXSo}jw}vQq}r\\PHNkzQxrzvqC[}tuG]NpGU`B||GMw}fRs\\nQ?tVz{\\DPW}rUv^MxWSwJzOiv_~VNG^N|Z{wZ}DvyS}BZX[NoHCrZx|NmE{xg]WNmHm?Bw]kjO~Qy~Nnt^LIzuOTbi{FtpBn`FepZnmIby}Ksu{nQNRTzm_pwC{bcBwnWqkVJuXJOo|_[dqNCag{jsWQ{E}Z]wANS|`JZsVzc}|lZt]N_RUnBsa|@C{hhXDNJjdNru[a??|jzLxnO_noruUd?[|PC{tNGYG^zujtjq|JnbPNORn}bu?lGc|OG|wNZcToBnCQYA}LQz?n`AUWjwDsRY|pZFGnBdxtzuhixY|X?eSnW{okbsGAU{{UrG`NCx^[zvKkzk}HPJKN`SZsbpH{iA{hWUkncZSXZtiEfe}EDaWmoVe}zvmeyg|z\\d]NN|~iJrieTm|n_Brn`ZdKJwEd`y}JtIPnYEqnZt\\CEe}AHFQNe\\`czv}rc{}SLNuNpno\\JwOSfQ|qGLin\\?d~JvId\\U}SFfwnYCCmbzrvEM}PVgWNCFcHZop]I?|DLcvnEVUnbymioS|OZOBNp^d]jtPu}_}weMaNbG]\\ZvtTlg|O^kPnRC@|BxZSJc}J{j]nOd_LzwVhcWzezNAn]a{xJyN[yO~Ff?@neGRHj{u?NS~BTu{nRBLGR|WHfM|qg^inH~rQJq|Coq~ALYJNvOVWb}pokU~enpRMsIS^Z{j}mU}guwonuTMzZ|KRDk}aBjgNRFkPJux]~i~AslSN`vPRzyQ~u}}Al`]NhYjeJ}ZRna~IPkbn[vHpz~Hco?|pdryNpeR[Jz@QF]}PfG\\NdGYRzyvia]|zjAOnn@gkjvTdpW}HdxGnU\\I|Bp}kMY~fbFaNUrrDBxlVV_|]ImwNp]\\Trz{SCm|}riVNO[Rgj}sj`w|XQpqNY|lSb{HXsg|QA]UNkzCRjr}GRy~yz[~neFxfR{\\lt[~H~HUnrfiPZtrk}g{{@sSn}RajZwVdSG~\\eh_NmkVWJvTAZ{}aMkznTRmsRtrebq{xb~Enn|NwZ||i\\K~aJfqn{s~LbsSG{A}D}QDn|bL`j~QQRQ~XBY}nvdBdrqD]GE|zmkSn`yPzr{dN}U~]TD~n[]elBzjgwo}~MCPNnCrWB{aTEw}hnqEnYars[?HJwA~VZygn\\F^{B{Br_m~l[mKnThbPbz\\FQQ{mRxOnPjzeRukTXO~RLksns}dVJyxDYY}}Nain`flKzwvX[U}GD^AN`ffyj}GQxW}ElAFn]fh^Z|woNw~?O|NnnyBdbns@lC~PBERNqtpdRzWaN}}RLRRnoQiPR|cvfC|GunDNiC{SryPHUu|noyRnwxJ{r{OGwY}``[^n|GN{zww`@o|j~QWng@|Dj}]FLo~EQsynv?F^zywbvq{}JMUNhX~AJ|]RIO}sfIYNcfWbR{]Dwa}BdS`Ns~eEb|jvve~GF[ZNpjFeZ~TKSy~Q?]znrBsHr{\\@em~EZtMnrgxeBvPyNc}arikNpnoxbqKB]_~@`QqnrLu[jue|Sm~MxEOnTUgwbskNH{ywgmBNiyuiBxCd{Z??H{fn]gb@BtzV[i}gS^fNwzelzzRbys}@`cANj[RbjvOyVu~lQWXnbSz\\B}PYmq}KlxKNjGZCrx?G\\U}]|srnv\\{]JwI@ti~][m\\n`Hvuj|AF{_}n@{rn\\DZRj}@@rg~DGzfnZFniZuwDpY}C]nBnGfmuZuFdfe~FEvcnb[wOJ|]}}q}qdr[NRWpxJ|UB^{~QeqkNogR\\j{oWU}}_MOANZ_zLrz}oK]~`VjtNsUyUj{Ryi]}ACTln\\UTfJ~Ru?C}J@UqNgQA]R{gHti}a_wlNmCUzJ}hOuS|ucL@Ni{EARzcnXG{GzztNaNCQjv?}ka}_|Xemyqr_j{kFLc}eipDnlc{qj|nkns}AFHKNq{z]jvDS]W}s[y\\NmWxmRzdceW|AuCSnsJ?FR}dl`Q~TjlxNizvlz}Qu^u}uwzkNmY^Bz}t@G}~IZ]PNJeppJvtgrI~aDbQNapKXzwJhIa}cXsTn]PayBun]?q|WHqJng@SFjuWBIszUrZ[nyxD?JyjK{y|keLXNtewdrutbJ}|QbEWNRdzxRxg^lW}k_OxNgKIuztiqKC}uiUFn|HSkz}~Pbm~OQyXNaQr~ry]yDE}?|dyNUIDEbxjW|K~DjrIN[Pf@r{RVP]{AAaknUqW{J|vVKa~?CNCNOU`trzxl?m|HH}InQZcmbtzRm[~QlNrNXaUhrxZUA_~]flOn`PSpzwR}Yu~AnxDnWeOSbzZPxi|TAlHN]z]hz|owfY~fnnDnsTs}RyM\\ta|lXUeNQRauB{@P{a}se}bnsyFSJzA@Sw}aS}sn`ZoGZwmHbK}IPw\\n_jB|bxd][c|q?}QNYfhvzquVnS|}IrRn^?NVO??????????", p, 0, 2410);
    wt1 = columns(p, 0, 32, 64);
    b1 = slice(p, 2048, 32);
    wt2 = columns(p, 2080, 10, 32);
    b2 = slice(p, 2400, 10);
  }

  /**
   * Layer 1's weighted sums.
   */
  private final float[] z1 = new float[32];

  /**
   * Layer 1's outputs.
   */
  private final float[] a1 = new float[32];

  /**
   * Layer 2's weighted sums.
   */
  private final float[] z2 = new float[10];

  /**
   * Layer 2's outputs.
   */
  private final float[] a2 = new float[10];

  /**
   * The outputs of the last classify.
   */
  private final float[] scores = new float[OUTPUTS];

  /**
   * Creates an instance with its own scratch arrays; the weights are shared.
   */
  public PyTorchDigitsFrozen() {
  }

  /**
   * Writes the network's outputs for {@code input} into {@code output}.
   *
   * @throws IllegalArgumentException if an array's length is not INPUTS or OUTPUTS
   */
  public void predict(float[] input, float[] output) {
    requireLength("input", input.length, INPUTS);
    requireLength("output", output.length, OUTPUTS);
    forward1(input);
    forward2(a1);
    System.arraycopy(a2, 0, output, 0, OUTPUTS);
  }

  /**
   * Returns the predicted class of {@code input}: the index of the largest output, the first one on ties.
   *
   * @throws IllegalArgumentException if the input's length is not INPUTS
   */
  public int classify(float[] input) {
    predict(input, scores);
    int best = 0;
    for (int k = 1; k < OUTPUTS; k++) {
      if (scores[k] > scores[best]) {
        best = k;
      }
    }
    return best;
  }

  /**
   * Layer 1, loops: 64 inputs -> 32 RELU.
   */
  private void forward1(float[] x) {
    float[] z = z1;
    System.arraycopy(b1, 0, z, 0, 32);
    // axpy form, 4 input columns per pass: z and every column share the index o.
    for (int i = 0; i < 64; i += 4) {
      float x0 = x[i];
      float[] c0 = wt1[i];
      float x1 = x[i + 1];
      float[] c1 = wt1[i + 1];
      float x2 = x[i + 2];
      float[] c2 = wt1[i + 2];
      float x3 = x[i + 3];
      float[] c3 = wt1[i + 3];
      for (int o = 0; o < 32; o++) {
        z[o] += c0[o] * x0 + c1[o] * x1 + c2[o] * x2 + c3[o] * x3;
      }
    }
    float[] a = a1;
    for (int o = 0; o < 32; o++) {
      a[o] = relu(z[o]);
    }
  }

  /**
   * Layer 2, loops: 32 inputs -> 10 SOFTMAX.
   */
  private void forward2(float[] x) {
    float[] z = z2;
    System.arraycopy(b2, 0, z, 0, 10);
    // axpy form, 4 input columns per pass: z and every column share the index o.
    for (int i = 0; i < 32; i += 4) {
      float x0 = x[i];
      float[] c0 = wt2[i];
      float x1 = x[i + 1];
      float[] c1 = wt2[i + 1];
      float x2 = x[i + 2];
      float[] c2 = wt2[i + 2];
      float x3 = x[i + 3];
      float[] c3 = wt2[i + 3];
      for (int o = 0; o < 10; o++) {
        z[o] += c0[o] * x0 + c1[o] * x1 + c2[o] * x2 + c3[o] * x3;
      }
    }
    softmax(z, a2);
  }

  /**
   * Softmax of z into y, shifted by the maximum so no exponential overflows.
   */
  private static void softmax(float[] z, float[] y) {
    float max = z[0];
    for (int k = 1; k < z.length; k++) {
      max = Math.max(max, z[k]);
    }
    float sum = 0;
    for (int k = 0; k < z.length; k++) {
      y[k] = (float) Math.exp(z[k] - max);
      sum += y[k];
    }
    for (int k = 0; k < z.length; k++) {
      y[k] /= sum;
    }
  }

  private static float relu(float z) {
    return z > 0 ? z : 0;
  }

  /**
   * Returns a copy of {@code p[from, from + count)}.
   */
  private static float[] slice(float[] p, int from, int count) {
    float[] copy = new float[count];
    System.arraycopy(p, from, copy, 0, count);
    return copy;
  }

  /**
   * Returns the weights of {@code rows} units of {@code columns} inputs, stored row by row from {@code from}, as one array per input.
   */
  private static float[][] columns(float[] p, int from, int rows, int columns) {
    float[][] wt = new float[columns][rows];
    for (int o = 0; o < rows; o++) {
      for (int i = 0; i < columns; i++) {
        wt[i][o] = p[from + o * columns + i];
      }
    }
    return wt;
  }

  /**
   * Writes the first {@code count} values of {@code s} into {@code into} from {@code at}: their big-endian IEEE 754 bits, 6 bits per character from '?'.
   */
  private static void decodeFloats(String s, float[] into, int at, int count) {
    int end = at + count;
    int bits = 0;
    int bytes = 0;
    for (int k = 0; at < end; k += 4) {
      int group = (s.charAt(k) - 63) << 18 | (s.charAt(k + 1) - 63) << 12 | (s.charAt(k + 2) - 63) << 6 | (s.charAt(k + 3) - 63);
      for (int shift = 16; shift >= 0 && at < end; shift -= 8) {
        bits = bits << 8 | group >>> shift & 0xFF;
        if (++bytes == 4) {
          into[at++] = Float.intBitsToFloat(bits);
          bytes = 0;
        }
      }
    }
  }

  private static void requireLength(String what, int length, int expected) {
    if (length != expected) {
      throw new IllegalArgumentException(what + " must have length " + expected + ", but had length " + length);
    }
  }
}
