/**
 */
package io.crossbill.mapping.impl;

import io.crossbill.mapping.FieldRule;
import io.crossbill.mapping.MappingPackage;
import io.crossbill.mapping.RuleKind;
import io.crossbill.mapping.Transform;
import io.crossbill.mapping.ValueMapEntry;

import java.util.Collection;

import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.NotificationChain;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.InternalEObject;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

import org.eclipse.emf.ecore.util.EDataTypeEList;
import org.eclipse.emf.ecore.util.EObjectContainmentEList;
import org.eclipse.emf.ecore.util.InternalEList;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Field Rule</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getTargetPath <em>Target Path</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getKind <em>Kind</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getSourcePath <em>Source Path</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getValue <em>Value</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getExpression <em>Expression</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getValueMap <em>Value Map</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getUnmatchedValue <em>Unmatched Value</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getLookupSystem <em>Lookup System</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getLookupEntity <em>Lookup Entity</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getDefaultValue <em>Default Value</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#isRequired <em>Required</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getTransforms <em>Transforms</em>}</li>
 *   <li>{@link io.crossbill.mapping.impl.FieldRuleImpl#getScale <em>Scale</em>}</li>
 * </ul>
 *
 * @generated
 */
public class FieldRuleImpl extends MinimalEObjectImpl.Container implements FieldRule {
	/**
	 * The default value of the '{@link #getTargetPath() <em>Target Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetPath()
	 * @generated
	 * @ordered
	 */
	protected static final String TARGET_PATH_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getTargetPath() <em>Target Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetPath()
	 * @generated
	 * @ordered
	 */
	protected String targetPath = TARGET_PATH_EDEFAULT;

	/**
	 * The default value of the '{@link #getKind() <em>Kind</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getKind()
	 * @generated
	 * @ordered
	 */
	protected static final RuleKind KIND_EDEFAULT = RuleKind.COPY;

	/**
	 * The cached value of the '{@link #getKind() <em>Kind</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getKind()
	 * @generated
	 * @ordered
	 */
	protected RuleKind kind = KIND_EDEFAULT;

	/**
	 * The default value of the '{@link #getSourcePath() <em>Source Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourcePath()
	 * @generated
	 * @ordered
	 */
	protected static final String SOURCE_PATH_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSourcePath() <em>Source Path</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourcePath()
	 * @generated
	 * @ordered
	 */
	protected String sourcePath = SOURCE_PATH_EDEFAULT;

	/**
	 * The default value of the '{@link #getValue() <em>Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getValue()
	 * @generated
	 * @ordered
	 */
	protected static final String VALUE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getValue() <em>Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getValue()
	 * @generated
	 * @ordered
	 */
	protected String value = VALUE_EDEFAULT;

	/**
	 * The default value of the '{@link #getExpression() <em>Expression</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getExpression()
	 * @generated
	 * @ordered
	 */
	protected static final String EXPRESSION_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getExpression() <em>Expression</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getExpression()
	 * @generated
	 * @ordered
	 */
	protected String expression = EXPRESSION_EDEFAULT;

	/**
	 * The cached value of the '{@link #getValueMap() <em>Value Map</em>}' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getValueMap()
	 * @generated
	 * @ordered
	 */
	protected EList<ValueMapEntry> valueMap;

	/**
	 * The default value of the '{@link #getUnmatchedValue() <em>Unmatched Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUnmatchedValue()
	 * @generated
	 * @ordered
	 */
	protected static final String UNMATCHED_VALUE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getUnmatchedValue() <em>Unmatched Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getUnmatchedValue()
	 * @generated
	 * @ordered
	 */
	protected String unmatchedValue = UNMATCHED_VALUE_EDEFAULT;

	/**
	 * The default value of the '{@link #getLookupSystem() <em>Lookup System</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLookupSystem()
	 * @generated
	 * @ordered
	 */
	protected static final String LOOKUP_SYSTEM_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getLookupSystem() <em>Lookup System</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLookupSystem()
	 * @generated
	 * @ordered
	 */
	protected String lookupSystem = LOOKUP_SYSTEM_EDEFAULT;

	/**
	 * The default value of the '{@link #getLookupEntity() <em>Lookup Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLookupEntity()
	 * @generated
	 * @ordered
	 */
	protected static final String LOOKUP_ENTITY_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getLookupEntity() <em>Lookup Entity</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getLookupEntity()
	 * @generated
	 * @ordered
	 */
	protected String lookupEntity = LOOKUP_ENTITY_EDEFAULT;

	/**
	 * The default value of the '{@link #getDefaultValue() <em>Default Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDefaultValue()
	 * @generated
	 * @ordered
	 */
	protected static final String DEFAULT_VALUE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getDefaultValue() <em>Default Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getDefaultValue()
	 * @generated
	 * @ordered
	 */
	protected String defaultValue = DEFAULT_VALUE_EDEFAULT;

	/**
	 * The default value of the '{@link #isRequired() <em>Required</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isRequired()
	 * @generated
	 * @ordered
	 */
	protected static final boolean REQUIRED_EDEFAULT = false;

	/**
	 * The cached value of the '{@link #isRequired() <em>Required</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #isRequired()
	 * @generated
	 * @ordered
	 */
	protected boolean required = REQUIRED_EDEFAULT;

	/**
	 * The cached value of the '{@link #getTransforms() <em>Transforms</em>}' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTransforms()
	 * @generated
	 * @ordered
	 */
	protected EList<Transform> transforms;

	/**
	 * The default value of the '{@link #getScale() <em>Scale</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getScale()
	 * @generated
	 * @ordered
	 */
	protected static final int SCALE_EDEFAULT = -1;

	/**
	 * The cached value of the '{@link #getScale() <em>Scale</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getScale()
	 * @generated
	 * @ordered
	 */
	protected int scale = SCALE_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected FieldRuleImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return MappingPackage.Literals.FIELD_RULE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getTargetPath() {
		return targetPath;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTargetPath(String newTargetPath) {
		String oldTargetPath = targetPath;
		targetPath = newTargetPath;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__TARGET_PATH, oldTargetPath, targetPath));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public RuleKind getKind() {
		return kind;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setKind(RuleKind newKind) {
		RuleKind oldKind = kind;
		kind = newKind == null ? KIND_EDEFAULT : newKind;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__KIND, oldKind, kind));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSourcePath() {
		return sourcePath;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourcePath(String newSourcePath) {
		String oldSourcePath = sourcePath;
		sourcePath = newSourcePath;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__SOURCE_PATH, oldSourcePath, sourcePath));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getValue() {
		return value;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setValue(String newValue) {
		String oldValue = value;
		value = newValue;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__VALUE, oldValue, value));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getExpression() {
		return expression;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setExpression(String newExpression) {
		String oldExpression = expression;
		expression = newExpression;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__EXPRESSION, oldExpression, expression));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<ValueMapEntry> getValueMap() {
		if (valueMap == null) {
			valueMap = new EObjectContainmentEList<ValueMapEntry>(ValueMapEntry.class, this, MappingPackage.FIELD_RULE__VALUE_MAP);
		}
		return valueMap;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getUnmatchedValue() {
		return unmatchedValue;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setUnmatchedValue(String newUnmatchedValue) {
		String oldUnmatchedValue = unmatchedValue;
		unmatchedValue = newUnmatchedValue;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__UNMATCHED_VALUE, oldUnmatchedValue, unmatchedValue));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getLookupSystem() {
		return lookupSystem;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setLookupSystem(String newLookupSystem) {
		String oldLookupSystem = lookupSystem;
		lookupSystem = newLookupSystem;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__LOOKUP_SYSTEM, oldLookupSystem, lookupSystem));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getLookupEntity() {
		return lookupEntity;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setLookupEntity(String newLookupEntity) {
		String oldLookupEntity = lookupEntity;
		lookupEntity = newLookupEntity;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__LOOKUP_ENTITY, oldLookupEntity, lookupEntity));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getDefaultValue() {
		return defaultValue;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setDefaultValue(String newDefaultValue) {
		String oldDefaultValue = defaultValue;
		defaultValue = newDefaultValue;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__DEFAULT_VALUE, oldDefaultValue, defaultValue));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean isRequired() {
		return required;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setRequired(boolean newRequired) {
		boolean oldRequired = required;
		required = newRequired;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__REQUIRED, oldRequired, required));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public EList<Transform> getTransforms() {
		if (transforms == null) {
			transforms = new EDataTypeEList<Transform>(Transform.class, this, MappingPackage.FIELD_RULE__TRANSFORMS);
		}
		return transforms;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public int getScale() {
		return scale;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setScale(int newScale) {
		int oldScale = scale;
		scale = newScale;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, MappingPackage.FIELD_RULE__SCALE, oldScale, scale));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public NotificationChain eInverseRemove(InternalEObject otherEnd, int featureID, NotificationChain msgs) {
		switch (featureID) {
			case MappingPackage.FIELD_RULE__VALUE_MAP:
				return ((InternalEList<?>)getValueMap()).basicRemove(otherEnd, msgs);
		}
		return super.eInverseRemove(otherEnd, featureID, msgs);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case MappingPackage.FIELD_RULE__TARGET_PATH:
				return getTargetPath();
			case MappingPackage.FIELD_RULE__KIND:
				return getKind();
			case MappingPackage.FIELD_RULE__SOURCE_PATH:
				return getSourcePath();
			case MappingPackage.FIELD_RULE__VALUE:
				return getValue();
			case MappingPackage.FIELD_RULE__EXPRESSION:
				return getExpression();
			case MappingPackage.FIELD_RULE__VALUE_MAP:
				return getValueMap();
			case MappingPackage.FIELD_RULE__UNMATCHED_VALUE:
				return getUnmatchedValue();
			case MappingPackage.FIELD_RULE__LOOKUP_SYSTEM:
				return getLookupSystem();
			case MappingPackage.FIELD_RULE__LOOKUP_ENTITY:
				return getLookupEntity();
			case MappingPackage.FIELD_RULE__DEFAULT_VALUE:
				return getDefaultValue();
			case MappingPackage.FIELD_RULE__REQUIRED:
				return isRequired();
			case MappingPackage.FIELD_RULE__TRANSFORMS:
				return getTransforms();
			case MappingPackage.FIELD_RULE__SCALE:
				return getScale();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@SuppressWarnings("unchecked")
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case MappingPackage.FIELD_RULE__TARGET_PATH:
				setTargetPath((String)newValue);
				return;
			case MappingPackage.FIELD_RULE__KIND:
				setKind((RuleKind)newValue);
				return;
			case MappingPackage.FIELD_RULE__SOURCE_PATH:
				setSourcePath((String)newValue);
				return;
			case MappingPackage.FIELD_RULE__VALUE:
				setValue((String)newValue);
				return;
			case MappingPackage.FIELD_RULE__EXPRESSION:
				setExpression((String)newValue);
				return;
			case MappingPackage.FIELD_RULE__VALUE_MAP:
				getValueMap().clear();
				getValueMap().addAll((Collection<? extends ValueMapEntry>)newValue);
				return;
			case MappingPackage.FIELD_RULE__UNMATCHED_VALUE:
				setUnmatchedValue((String)newValue);
				return;
			case MappingPackage.FIELD_RULE__LOOKUP_SYSTEM:
				setLookupSystem((String)newValue);
				return;
			case MappingPackage.FIELD_RULE__LOOKUP_ENTITY:
				setLookupEntity((String)newValue);
				return;
			case MappingPackage.FIELD_RULE__DEFAULT_VALUE:
				setDefaultValue((String)newValue);
				return;
			case MappingPackage.FIELD_RULE__REQUIRED:
				setRequired((Boolean)newValue);
				return;
			case MappingPackage.FIELD_RULE__TRANSFORMS:
				getTransforms().clear();
				getTransforms().addAll((Collection<? extends Transform>)newValue);
				return;
			case MappingPackage.FIELD_RULE__SCALE:
				setScale((Integer)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case MappingPackage.FIELD_RULE__TARGET_PATH:
				setTargetPath(TARGET_PATH_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__KIND:
				setKind(KIND_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__SOURCE_PATH:
				setSourcePath(SOURCE_PATH_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__VALUE:
				setValue(VALUE_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__EXPRESSION:
				setExpression(EXPRESSION_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__VALUE_MAP:
				getValueMap().clear();
				return;
			case MappingPackage.FIELD_RULE__UNMATCHED_VALUE:
				setUnmatchedValue(UNMATCHED_VALUE_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__LOOKUP_SYSTEM:
				setLookupSystem(LOOKUP_SYSTEM_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__LOOKUP_ENTITY:
				setLookupEntity(LOOKUP_ENTITY_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__DEFAULT_VALUE:
				setDefaultValue(DEFAULT_VALUE_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__REQUIRED:
				setRequired(REQUIRED_EDEFAULT);
				return;
			case MappingPackage.FIELD_RULE__TRANSFORMS:
				getTransforms().clear();
				return;
			case MappingPackage.FIELD_RULE__SCALE:
				setScale(SCALE_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case MappingPackage.FIELD_RULE__TARGET_PATH:
				return TARGET_PATH_EDEFAULT == null ? targetPath != null : !TARGET_PATH_EDEFAULT.equals(targetPath);
			case MappingPackage.FIELD_RULE__KIND:
				return kind != KIND_EDEFAULT;
			case MappingPackage.FIELD_RULE__SOURCE_PATH:
				return SOURCE_PATH_EDEFAULT == null ? sourcePath != null : !SOURCE_PATH_EDEFAULT.equals(sourcePath);
			case MappingPackage.FIELD_RULE__VALUE:
				return VALUE_EDEFAULT == null ? value != null : !VALUE_EDEFAULT.equals(value);
			case MappingPackage.FIELD_RULE__EXPRESSION:
				return EXPRESSION_EDEFAULT == null ? expression != null : !EXPRESSION_EDEFAULT.equals(expression);
			case MappingPackage.FIELD_RULE__VALUE_MAP:
				return valueMap != null && !valueMap.isEmpty();
			case MappingPackage.FIELD_RULE__UNMATCHED_VALUE:
				return UNMATCHED_VALUE_EDEFAULT == null ? unmatchedValue != null : !UNMATCHED_VALUE_EDEFAULT.equals(unmatchedValue);
			case MappingPackage.FIELD_RULE__LOOKUP_SYSTEM:
				return LOOKUP_SYSTEM_EDEFAULT == null ? lookupSystem != null : !LOOKUP_SYSTEM_EDEFAULT.equals(lookupSystem);
			case MappingPackage.FIELD_RULE__LOOKUP_ENTITY:
				return LOOKUP_ENTITY_EDEFAULT == null ? lookupEntity != null : !LOOKUP_ENTITY_EDEFAULT.equals(lookupEntity);
			case MappingPackage.FIELD_RULE__DEFAULT_VALUE:
				return DEFAULT_VALUE_EDEFAULT == null ? defaultValue != null : !DEFAULT_VALUE_EDEFAULT.equals(defaultValue);
			case MappingPackage.FIELD_RULE__REQUIRED:
				return required != REQUIRED_EDEFAULT;
			case MappingPackage.FIELD_RULE__TRANSFORMS:
				return transforms != null && !transforms.isEmpty();
			case MappingPackage.FIELD_RULE__SCALE:
				return scale != SCALE_EDEFAULT;
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (targetPath: ");
		result.append(targetPath);
		result.append(", kind: ");
		result.append(kind);
		result.append(", sourcePath: ");
		result.append(sourcePath);
		result.append(", value: ");
		result.append(value);
		result.append(", expression: ");
		result.append(expression);
		result.append(", unmatchedValue: ");
		result.append(unmatchedValue);
		result.append(", lookupSystem: ");
		result.append(lookupSystem);
		result.append(", lookupEntity: ");
		result.append(lookupEntity);
		result.append(", defaultValue: ");
		result.append(defaultValue);
		result.append(", required: ");
		result.append(required);
		result.append(", transforms: ");
		result.append(transforms);
		result.append(", scale: ");
		result.append(scale);
		result.append(')');
		return result.toString();
	}

} //FieldRuleImpl
